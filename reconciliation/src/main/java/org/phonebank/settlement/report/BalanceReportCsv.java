// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.report;

import java.util.Locale;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.TransactionClasses;
import org.phonebank.settlement.file.SolarHijri;

/**
 * A balance report as CSV, amounts in whole rials without grouping (a spreadsheet groups them):
 *
 * <pre>
 * business date,2026-05-06,1405-02-16
 * terminal,IVR00001
 * run,7
 * kind,count,amount
 * MATCHED,3,1320000            (one line per difference kind)
 * ...
 * type,class,item count,item amount,reversal count,reversal amount,fee amount
 * transfer,40,2,1070000,1,70000,1000
 * position,count,amount
 * debits,3,1320000             (then credits, reversals, fees)
 * net,,1248500
 * control figure,stated by the switch,from the details,ties
 * detail count,4,4,yes         (every figure of the trailer and the subtotals)
 * ties to the switch's control totals,yes
 * </pre>
 */
public final class BalanceReportCsv {

  private BalanceReportCsv() {}

  public static String write(BalanceReport report) {
    StringBuilder out = new StringBuilder();
    out.append("business date,")
        .append(report.businessDate())
        .append(',')
        .append(SolarHijri.format(report.businessDate()))
        .append('\n');
    out.append("terminal,").append(report.terminalId()).append('\n');
    out.append("run,").append(report.runId()).append('\n');
    out.append("kind,count,amount\n");
    for (DifferenceKind kind : DifferenceKind.values()) {
      KindTotal total = report.differences().getOrDefault(kind, KindTotal.NONE);
      row(out, kind.name(), total.count(), total.amount().value());
    }
    out.append("type,class,item count,item amount,reversal count,reversal amount,fee amount\n");
    for (SettlementTotals.ClassTotal c : report.settled().byClass()) {
      out.append(typeName(c.transactionClass()))
          .append(',')
          .append(c.transactionClass())
          .append(',')
          .append(c.items().count())
          .append(',')
          .append(c.items().amount().value())
          .append(',')
          .append(c.reversals().count())
          .append(',')
          .append(c.reversals().amount().value())
          .append(',')
          .append(c.fees().value())
          .append('\n');
    }
    SettlementTotals settled = report.settled();
    out.append("position,count,amount\n");
    row(out, "debits", settled.debits().count(), settled.debits().amount().value());
    row(out, "credits", settled.credits().count(), settled.credits().amount().value());
    row(out, "reversals", settled.reversals().count(), settled.reversals().amount().value());
    row(out, "fees", settled.fees().count(), settled.fees().amount().value());
    out.append("net,,").append(settled.net().value()).append('\n');
    out.append("control figure,stated by the switch,from the details,ties\n");
    for (ControlTie tie : report.ties()) {
      out.append(tie.figure())
          .append(',')
          .append(tie.stated())
          .append(',')
          .append(tie.computed())
          .append(',')
          .append(tie.ties() ? "yes" : "NO")
          .append('\n');
    }
    out.append("ties to the switch's control totals,")
        .append(
            report.controls().isEmpty()
                ? "unknown (control totals not kept for this file)"
                : report.tiesToControlTotals() ? "yes" : "NO")
        .append('\n');
    return out.toString();
  }

  /**
   * The request type a class settles, in lower case ("transfer", "bill payment"), or "class NN".
   */
  public static String typeName(String transactionClass) {
    return TransactionClasses.settledType(transactionClass)
        .map(type -> type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .orElse("class " + transactionClass);
  }

  private static void row(StringBuilder out, String name, long count, long amount) {
    out.append(name).append(',').append(count).append(',').append(amount).append('\n');
  }
}
