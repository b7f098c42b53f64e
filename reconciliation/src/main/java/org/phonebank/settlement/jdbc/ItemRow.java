// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.util.Objects;
import org.phonebank.settlement.DifferenceKind;

/**
 * One classified item as a run keeps it: its place (group in key order, position in the group), its
 * kind and key, the journal entry and settlement line it is about (either may be absent) and its
 * amount in rials.
 */
public record ItemRow(
    int groupNo,
    int itemNo,
    DifferenceKind kind,
    String matchKey,
    Long journalId,
    Long fileId,
    Integer lineNo,
    long amount) {

  public ItemRow {
    Objects.requireNonNull(kind, "Kind is required.");
    Objects.requireNonNull(matchKey, "Match key is required.");
    if (journalId == null && lineNo == null) {
      throw new IllegalArgumentException("An item is about a journal entry or a line, or both.");
    }
  }
}
