// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.settlement.DifferenceKind;

/**
 * A classified item of a run as the worklist shows it, with its latest resolution, if any.
 *
 * @param amount rials: what the switch settled, or what we journalled when it settled nothing
 * @param journalId our journal entry, if the item has one
 * @param fileId the settlement file of its line, if it has one
 * @param lineNo the line's number in that file (1 is the header)
 * @param runCompleted false while the run is still writing items
 */
public record WorkItem(
    ItemId id,
    LocalDate businessDate,
    String terminalId,
    DifferenceKind kind,
    String matchKey,
    long amount,
    Optional<Long> journalId,
    Optional<Long> fileId,
    Optional<Integer> lineNo,
    boolean runCompleted,
    Optional<Resolution> latest) {

  public WorkItem {
    Objects.requireNonNull(id, "Item id is required.");
    Objects.requireNonNull(businessDate, "Business date is required.");
    Objects.requireNonNull(kind, "Kind is required.");
    Objects.requireNonNull(matchKey, "Match key is required.");
    Objects.requireNonNull(journalId, "Journal id is required (empty when none).");
    Objects.requireNonNull(fileId, "File id is required (empty when none).");
    Objects.requireNonNull(lineNo, "Line number is required (empty when none).");
    Objects.requireNonNull(latest, "Latest resolution is required (empty when none).");
  }

  public WorkItemStatus status() {
    return WorkItemStatus.of(latest);
  }

  /** How many resolutions the item has had: the number the next one must follow. */
  public int resolutions() {
    return latest.map(Resolution::seq).orElse(0);
  }
}
