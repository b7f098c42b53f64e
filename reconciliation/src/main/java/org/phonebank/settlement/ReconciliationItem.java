// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.Objects;
import org.phonebank.journal.JournalEntry;
import org.phonebank.money.Rials;

/**
 * One classified line of a reconciliation: the key, our journal entry and the switch's record,
 * either of which is null when that side has nothing.
 */
public record ReconciliationItem(
    DifferenceKind kind,
    MatchKey key,
    JournalEntry journalEntry,
    SettlementRecord settlementRecord) {

  public ReconciliationItem {
    Objects.requireNonNull(kind, "Difference kind is required.");
    Objects.requireNonNull(key, "Match key is required.");
    if (journalEntry == null && settlementRecord == null) {
      throw new IllegalArgumentException(
          "A reconciliation item needs a journal entry or a settlement record.");
    }
  }

  /**
   * The money this item is about: what the switch settled when it has a record, else what we
   * journalled.
   */
  public Rials amount() {
    if (settlementRecord != null) {
      return settlementRecord.amount();
    }
    return journalEntry.amount() == null ? Rials.zero() : journalEntry.amount();
  }
}
