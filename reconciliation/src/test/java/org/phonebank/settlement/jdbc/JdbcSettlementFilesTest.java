// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;
import org.phonebank.settlement.report.BalanceReport;
import org.phonebank.settlement.report.ControlTie;

class JdbcSettlementFilesTest {

  static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  static final String TERMINAL = "IVR00001";

  private final DerbyDatabase database = new DerbyDatabase();
  private final JdbcSettlementFiles files =
      new JdbcSettlementFiles(
          database.dataSource(),
          new SettlementFileParser(1_000_000),
          Clock.fixed(Instant.parse("2026-05-07T01:00:00Z"), ZoneOffset.UTC));

  @AfterEach
  void drop() {
    database.close();
  }

  static SettlementRecord record(int stan, long amount, boolean reversal) {
    return new SettlementRecord(
        DAY,
        DAY,
        LocalTime.of(10, 0),
        new Stan(stan),
        new Rrn(String.format("612610%06d", stan)),
        TERMINAL,
        "603799******7893",
        "400000",
        Rials.of(amount),
        "00",
        reversal,
        Rials.zero());
  }

  static byte[] file(List<SettlementRecord> records) {
    return SettlementFileWriter.write(
        new SettlementHeader(
            "603799", TERMINAL, DAY, LocalTime.of(23, 0), Instant.parse("2026-05-06T20:00:00Z")),
        records);
  }

  private long count(String table) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void aGoodFileIsLoadedWholeAndReadBackLineByLine() {
    List<SettlementRecord> records = List.of(record(1, 1_000, false), record(2, 2_000, false));

    Receipt receipt = files.receive("day.txt", "backoffice", file(records), DAY, TERMINAL);

    Receipt.Loaded loaded = assertInstanceOf(Receipt.Loaded.class, receipt);
    assertEquals(2, loaded.details());
    List<JdbcSettlementFiles.Line> lines = files.lines(loaded.fileId());
    assertEquals(records, lines.stream().map(JdbcSettlementFiles.Line::record).toList());
    assertEquals(List.of(2, 3), lines.stream().map(JdbcSettlementFiles.Line::lineNo).toList());
    assertEquals(loaded.fileId(), files.loadedFile(TERMINAL, DAY).orElseThrow());
  }

  @Test
  void theSwitchsControlTotalsAreKeptAndALineChangedSinceDoesNotTieToThem() throws SQLException {
    List<SettlementRecord> records =
        List.of(record(1, 1_000, false), record(2, 2_000, false), record(2, 2_000, true));
    Receipt.Loaded loaded =
        assertInstanceOf(
            Receipt.Loaded.class,
            files.receive("day.txt", "backoffice", file(records), DAY, TERMINAL));

    SettlementTotals stated = files.controls(loaded.fileId()).orElseThrow();
    // As the trailer T|3|2|3000|0|0|1|2000|0|0|1000 and the subtotal S|40|2|3000|1|2000|0 say.
    assertEquals(SettlementTotals.of(records), stated);
    assertEquals(1_000, stated.net().value());
    assertEquals(1, stated.byClass().size());

    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE settlement_line SET amount = 500 WHERE file_id = "
              + loaded.fileId()
              + " AND line_no = 2");
    }
    BalanceReport report =
        new BalanceReport(
            DAY,
            TERMINAL,
            1,
            loaded.fileId(),
            SettlementTotals.of(
                files.lines(loaded.fileId()).stream()
                    .map(JdbcSettlementFiles.Line::record)
                    .toList()),
            files.controls(loaded.fileId()),
            Map.of());
    assertFalse(report.tiesToControlTotals());
    assertEquals(
        List.of(
            new ControlTie("debits amount", 3_000, 2_500),
            new ControlTie("net", 1_000, 500),
            new ControlTie("class 40 items amount", 3_000, 2_500)),
        report.ties().stream().filter(tie -> !tie.ties()).toList());

    // A file loaded before V32 kept no control totals: nothing can be proved.
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM settlement_subtotal");
      statement.executeUpdate("DELETE FROM settlement_trailer");
    }
    assertTrue(files.controls(loaded.fileId()).isEmpty());
  }

  @Test
  void theSameContentUnderAnotherNameIsADuplicateAndChangesNothing() throws SQLException {
    byte[] content = file(List.of(record(1, 1_000, false)));
    Receipt.Loaded first =
        assertInstanceOf(
            Receipt.Loaded.class, files.receive("a.txt", "backoffice", content, DAY, TERMINAL));

    Receipt again = files.receive("b.txt", "backoffice", content, DAY, TERMINAL);

    assertEquals(new Receipt.Duplicate(first.fileId()), again);
    assertEquals(1, count("settlement_file"));
    assertEquals(1, count("settlement_line"));
  }

  @Test
  void aBadFileIsQuarantinedWithItsErrorsAndNothingLoadedIsTouched() throws SQLException {
    files.receive("good.txt", "backoffice", file(List.of(record(1, 1_000, false))), DAY, TERMINAL);
    String bad =
        new String(file(List.of(record(2, 2_000, false))), StandardCharsets.UTF_8)
            .replace("|2000|364|", "|2O00|364|");

    Receipt receipt =
        files.receive("bad.txt", "backoffice", bad.getBytes(StandardCharsets.UTF_8), DAY, TERMINAL);

    Receipt.Quarantined quarantined = assertInstanceOf(Receipt.Quarantined.class, receipt);
    assertEquals(2, quarantined.errors().get(0).line());
    assertEquals(2, count("settlement_file"));
    assertEquals(1, count("settlement_line"));
    assertTrue(files.lines(quarantined.fileId()).isEmpty());
  }

  @Test
  void anEsfandThirtiethOfACommonYearIsQuarantinedByLineAndNothingLoadedChanges()
      throws SQLException {
    List<SettlementRecord> good = List.of(record(1, 1_000, false));
    long loaded =
        assertInstanceOf(
                Receipt.Loaded.class,
                files.receive("good.txt", "backoffice", file(good), DAY, TERMINAL))
            .fileId();
    List<JdbcSettlementFiles.Line> before = files.lines(loaded);
    // 1404 is a common year, Esfand has 29 days (1403 was a leap year: its 30th existed).
    String bad =
        new String(file(List.of(record(2, 2_000, false))), StandardCharsets.UTF_8)
            .replace("|20260506|1405-02-16|", "|20260506|1404-12-30|");

    Receipt receipt =
        files.receive("bad.txt", "backoffice", bad.getBytes(StandardCharsets.UTF_8), DAY, TERMINAL);

    Receipt.Quarantined quarantined = assertInstanceOf(Receipt.Quarantined.class, receipt);
    assertEquals(1, quarantined.errors().get(0).line());
    assertTrue(
        quarantined.errors().get(0).toString().contains("1404 is not a leap year"),
        quarantined.errors().toString());
    assertEquals(before, files.lines(loaded));
    assertEquals(1, count("settlement_line"));
    assertTrue(files.lines(quarantined.fileId()).isEmpty());
    assertEquals(loaded, files.loadedFile(TERMINAL, DAY).orElseThrow());
  }
}
