// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;

class BalanceReportCsvTest {

  /** The example of docs/settlement-file.md, plus a credit (class 20) settled for 5,000. */
  private static final String FILE =
      """
      H|PBSTL1|603799|IVR00001|20260506|1405-02-16|23:00|2026-05-06T20:00:00Z
      D|0200|400000|000001|612610000001|IVR00001|20260506|101530|603799******7893|1000000|364|00|500
      D|0200|500000|000002|612610000002|IVR00001|20260506|101530|603799******7893|250000|364|00|500
      D|0200|400010|000003|612610000003|IVR00001|20260506|101530|603799******7893|70000|364|00|500
      D|0420|400010|000003|612610000003|IVR00001|20260506|101530|603799******7893|70000|364|00|0
      D|0200|200000|000004|612610000004|IVR00001|20260506|101530|603799******7893|5000|364|00|0
      S|20|1|5000|0|0|0
      S|40|2|1070000|1|70000|1000
      S|50|1|250000|0|0|500
      T|5|3|1320000|1|5000|1|70000|3|1500|1243500
      """;

  @Test
  void theCsvGivesTypesPositionAndEveryControlFigureTied() throws Exception {
    SettlementFile file =
        new SettlementFileParser(1_000_000)
            .parse(FILE.getBytes(StandardCharsets.US_ASCII), LocalDate.of(2026, 5, 6), "IVR00001");
    Map<DifferenceKind, KindTotal> kinds = new EnumMap<>(DifferenceKind.class);
    kinds.put(DifferenceKind.MATCHED, new KindTotal(5, Rials.of(1_395_000)));
    BalanceReport report =
        new BalanceReport(
            LocalDate.of(2026, 5, 6),
            "IVR00001",
            9,
            4,
            SettlementTotals.of(file.records()),
            Optional.of(file.totals()),
            kinds);

    List<String> lines = BalanceReportCsv.write(report).lines().toList();

    assertEquals("business date,2026-05-06,1405-02-16", lines.get(0));
    assertTrue(lines.contains("MATCHED,5,1395000"), lines.toString());
    assertTrue(lines.contains("DUPLICATE,0,0"), lines.toString());
    assertTrue(lines.contains("class 20,20,1,5000,0,0,0"), lines.toString());
    assertTrue(lines.contains("transfer,40,2,1070000,1,70000,1000"), lines.toString());
    assertTrue(lines.contains("bill payment,50,1,250000,0,0,500"), lines.toString());
    assertTrue(lines.contains("credits,1,5000"), lines.toString());
    assertTrue(lines.contains("net,,1243500"), lines.toString());
    assertTrue(lines.contains("net,1243500,1243500,yes"), lines.toString());
    assertTrue(lines.contains("class 20 items amount,5000,5000,yes"), lines.toString());
    assertEquals("ties to the switch's control totals,yes", lines.get(lines.size() - 1));
    // 10 trailer figures and 5 per class.
    assertEquals(10 + 3 * 5, report.ties().size());
  }

  @Test
  void aClassTheSwitchStatedButTheDetailsLackDoesNotTie() {
    SettlementTotals none = SettlementTotals.of(List.of());
    SettlementTotals stated =
        new SettlementTotals(
            0,
            KindTotal.NONE,
            KindTotal.NONE,
            KindTotal.NONE,
            KindTotal.NONE,
            Rials.zero(),
            List.of(
                new SettlementTotals.ClassTotal(
                    "40", new KindTotal(1, Rials.of(10)), KindTotal.NONE, Rials.zero())));
    BalanceReport report =
        new BalanceReport(
            LocalDate.of(2026, 5, 6), "IVR00001", 9, 4, none, Optional.of(stated), Map.of());

    assertEquals(
        List.of(
            new ControlTie("class 40 items count", 1, 0),
            new ControlTie("class 40 items amount", 10, 0)),
        report.ties().stream().filter(tie -> !tie.ties()).toList());
    assertTrue(BalanceReportCsv.write(report).endsWith("ties to the switch's control totals,NO\n"));
  }
}
