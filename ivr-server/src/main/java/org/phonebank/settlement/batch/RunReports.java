// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import java.util.Map;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.file.SolarHijri;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;

/** A run's summary as CSV: the date in both calendars, then count and amount (rials) per kind. */
final class RunReports {

  private RunReports() {}

  static String csv(JdbcReconciliationRuns.Run run, Map<DifferenceKind, KindTotal> totals) {
    StringBuilder out = new StringBuilder();
    out.append("business date,")
        .append(run.businessDate())
        .append(',')
        .append(SolarHijri.format(run.businessDate()))
        .append('\n');
    out.append("terminal,").append(run.terminalId()).append('\n');
    out.append("run,").append(run.id()).append('\n');
    out.append("kind,count,amount\n");
    totals.forEach(
        (kind, total) ->
            out.append(kind)
                .append(',')
                .append(total.count())
                .append(',')
                .append(total.amount().value())
                .append('\n'));
    return out.toString();
  }
}
