// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** The journal read by business date, for reconciliation: a read-only port. */
public interface JournalByBusinessDate {

  /**
   * Every entry of {@code terminalId} whose business date lies in {@code from}…{@code to}
   * (inclusive), in journal order.
   */
  List<BusinessDayEntry> entries(String terminalId, LocalDate from, LocalDate to);

  /**
   * The same entries handed to {@code sink} one at a time in transmission order (which is local
   * date order), holding none: what a reconciliation run of a million entries reads through.
   */
  default void forEachInTimeOrder(
      String terminalId, LocalDate from, LocalDate to, Consumer<BusinessDayEntry> sink) {
    List<BusinessDayEntry> entries = new ArrayList<>(entries(terminalId, from, to));
    entries.sort(Comparator.comparing((BusinessDayEntry e) -> e.entry().ids().transmittedAt()));
    entries.forEach(sink);
  }
}
