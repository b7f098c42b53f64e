// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an item's resolution history, never changed once written: who resolved it, when, why
 * and with what note. {@code seq} counts the item's resolutions from 1; entry n supersedes entry n
 * - 1.
 */
public record Resolution(
    ItemId item,
    int seq,
    ResolutionReason reason,
    ResolutionNote note,
    String resolvedBy,
    Instant resolvedAt) {

  public Resolution {
    Objects.requireNonNull(item, "Item is required.");
    if (seq < 1) {
      throw new IllegalArgumentException("A resolution's number starts at 1.");
    }
    Objects.requireNonNull(reason, "Reason is required.");
    Objects.requireNonNull(note, "Note is required.");
    Objects.requireNonNull(resolvedBy, "Who resolved it is required.");
    if (resolvedBy.isBlank() || resolvedBy.length() > 64) {
      throw new IllegalArgumentException("A user name is 1 to 64 characters.");
    }
    Objects.requireNonNull(resolvedAt, "Time is required.");
  }

  /** True when this entry replaces an earlier one. */
  public boolean supersedes() {
    return seq > 1;
  }
}
