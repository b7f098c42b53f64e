// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** Reading the journal by business date, on every supported database. */
abstract class JdbcJournalByBusinessDateContract {

  private static final String TERMINAL = "IVR00001";
  private static final BusinessCalendar CALENDAR =
      new BusinessCalendar(ZoneId.of("Asia/Tehran"), LocalTime.of(23, 0));
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final CardNumber CARD = new CardNumber("6037991234567893");

  private TestDatabase database;
  private JdbcJournal journal;
  private JdbcJournalByBusinessDate byDate;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    journal =
        new JdbcJournal(
            database.dataSource(),
            TERMINAL,
            TestKeys.FINGERPRINT,
            new TestClock(Instant.parse("2026-05-06T06:00:00Z")));
    byDate = new JdbcJournalByBusinessDate(database.dataSource(), CALENDAR);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private JournalEntry open(int stan, String transmittedAt) {
    return journal.open(
        "call-" + stan,
        TransactionType.TRANSFER,
        new TransactionIds(
            new Stan(stan),
            new Rrn(String.format("612610%06d", stan)),
            Instant.parse(transmittedAt)),
        CARD,
        Rials.of(1_000));
  }

  private List<Long> ids(LocalDate from, LocalDate to) {
    return byDate.entries(TERMINAL, from, to).stream().map(e -> e.entry().id()).toList();
  }

  @Test
  void anEntryAfterTheCutOverBelongsToTheNextBusinessDate() {
    JournalEntry morning = open(1, "2026-05-06T06:00:00Z");
    // 23:30 Tehran.
    JournalEntry lateEvening = open(2, "2026-05-06T20:00:00Z");

    assertEquals(List.of(morning.id()), ids(DAY, DAY));
    assertEquals(List.of(lateEvening.id()), ids(DAY.plusDays(1), DAY.plusDays(1)));
    assertEquals(List.of(morning.id(), lateEvening.id()), ids(DAY, DAY.plusDays(1)));
  }

  @Test
  void theSwitchsBusinessDateWinsOverTheClock() throws SQLException {
    JournalEntry entry = open(3, "2026-05-06T06:00:00Z");
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE switch_journal SET business_date = ? WHERE id = ?")) {
      update.setDate(1, java.sql.Date.valueOf(DAY.plusDays(1)));
      update.setLong(2, entry.id());
      update.executeUpdate();
    }

    List<BusinessDayEntry> next = byDate.entries(TERMINAL, DAY.plusDays(1), DAY.plusDays(1));

    assertEquals(List.of(), ids(DAY, DAY));
    assertEquals(DAY.plusDays(1), next.get(0).businessDate());
    assertEquals(TERMINAL, next.get(0).terminalId());
  }

  @Test
  void fieldFifteenOfTheAnswerIsJournalledAsTheEntrysBusinessDate() {
    // Sent in the Tehran morning of DAY; the switch answered with the previous business date.
    JournalEntry approved = open(5, "2026-05-06T06:00:00Z");
    JournalEntry declined = open(6, "2026-05-06T06:00:01Z");
    JournalEntry undated = open(7, "2026-05-06T06:00:02Z");
    journal.close(
        approved.id(),
        new SwitchOutcome.Approved("000001", null, null, List.of(), DAY.minusDays(1)));
    journal.close(
        declined.id(),
        new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51", DAY.minusDays(1)));
    journal.close(undated.id(), new SwitchOutcome.Approved("000002"));

    assertEquals(List.of(approved.id(), declined.id()), ids(DAY.minusDays(1), DAY.minusDays(1)));
    assertEquals(List.of(undated.id()), ids(DAY, DAY));
  }

  @Test
  void otherTerminalsAreNotRead() {
    open(4, "2026-05-06T06:00:00Z");

    assertEquals(List.of(), byDate.entries("IVR00002", DAY, DAY));
  }
}
