// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.Receipt;
import org.phonebank.settlement.report.BalanceReport;

/**
 * The back office's port to reconciliation: receive a settlement file, start a run, follow it and
 * read its report. The server's reconciliation (the Jakarta Batch job and its inbox) implements it.
 */
public interface SettlementDesk {

  /** The largest settlement file taken, in bytes. */
  long maxFileBytes();

  /** Checks and stores a file in {@code user}'s name: loaded whole, a duplicate, or quarantined. */
  Receipt receive(String fileName, String user, byte[] content);

  /**
   * Starts a run of {@code businessDate} against its latest loaded file; a date already run is run
   * again as a new run (the earlier one and its resolutions stay as they are).
   *
   * @return the new run's id
   * @throws IllegalStateException when no file is loaded for that date
   */
  long startRun(LocalDate businessDate);

  /** The latest {@code limit} runs, newest first. */
  List<JdbcReconciliationRuns.Run> recentRuns(int limit);

  Optional<JdbcReconciliationRuns.Progress> progress(long runId);

  /** Items and exceptions per business date from {@code first} to {@code last}, oldest first. */
  List<JdbcReconciliationRuns.Day> daily(LocalDate first, LocalDate last);

  /** The latest business date with a completed run. */
  Optional<LocalDate> lastCompletedDate();

  /**
   * The run's report as CSV.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  String reportCsv(long runId);

  /**
   * The run's balance report (settled totals, their proof against the switch's control totals, the
   * differences by kind).
   *
   * @throws IllegalArgumentException when there is no such run
   */
  BalanceReport balanceReport(long runId);
}
