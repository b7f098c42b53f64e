// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A journal entry as reconciliation reads it: with the terminal (field 41) that sent it and the
 * business date it belongs to (field 15 of the switch's answer when there was one, else the
 * business day its transmission time falls in).
 */
public record BusinessDayEntry(JournalEntry entry, String terminalId, LocalDate businessDate) {

  public BusinessDayEntry {
    Objects.requireNonNull(entry, "Journal entry is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    Objects.requireNonNull(businessDate, "Business date is required.");
  }
}
