// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.time.LocalDate;
import java.util.List;

/** The journal read by business date, for reconciliation: a read-only port. */
public interface JournalByBusinessDate {

  /**
   * Every entry of {@code terminalId} whose business date lies in {@code from}…{@code to}
   * (inclusive), in journal order.
   */
  List<BusinessDayEntry> entries(String terminalId, LocalDate from, LocalDate to);
}
