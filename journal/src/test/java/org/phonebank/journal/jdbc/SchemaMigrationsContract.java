// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** How schema migrations must behave on every supported database; a subclass names the database. */
abstract class SchemaMigrationsContract {

  private static final String TEST_SETS = "/org/phonebank/journal/jdbc/testmigrations/";

  private static final List<Integer> EVERY_VERSION =
      List.of(
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35);
  private static final List<String> EVERY_DESCRIPTION =
      List.of(
          "1 switch journal",
          "2 stan counter",
          "3 journal reversals and card fingerprint",
          "4 advice queue",
          "5 card lockout",
          "6 call path",
          "7 rrn counter",
          "8 pin tries in flight",
          "9 card day limit",
          "10 advice dead letter",
          "20 escalation",
          "21 officer wrap up and console audit",
          "22 knowledge tree",
          "25 callback dialler",
          "26 escalation service order index",
          "27 officer transfer",
          "28 escalation node",
          "29 journal id block",
          "30 settlement and reconciliation",
          "31 reconciliation worklist",
          "32 settlement control totals",
          "33 drop unused stan index",
          "34 escalation look indexes",
          "35 journal open from mark");

  private TestDatabase database;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void freshDatabase() {
    database = newDatabase();
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private List<String> recordedVersions() {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT version, description, applied_at, checksum FROM schema_version ORDER BY version")) {
      while (result.next()) {
        assertTrue(
            result.getString("checksum").matches("[0-9a-f]{64}"), "a SHA-256 checksum is recorded");
        assertTrue(
            result.getTimestamp("applied_at") != null, "the time it was applied is recorded");
        rows.add(result.getInt("version") + " " + result.getString("description"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Test
  void aFreshDatabaseGetsEveryVersionInOrder() {
    assertEquals(EVERY_VERSION, SchemaMigrations.migrate(database.dataSource()));

    assertEquals(EVERY_DESCRIPTION, recordedVersions());
    for (String table :
        List.of(
            "switch_journal",
            "stan_counter",
            "advice_queue",
            "card_lockout",
            "card_unlock",
            "call_path",
            "call_path_step")) {
      assertEquals(0, database.count("SELECT COUNT(*) FROM " + table), table);
    }
  }

  @Test
  void migratingAgainAppliesNothingAndKeepsTheData() {
    SchemaMigrations.migrate(database.dataSource());
    database.execute(
        "INSERT INTO stan_counter (terminal_id, business_day, last_stan)"
            + " VALUES ('IVR00001', {d '2026-03-21'}, 41)");

    assertEquals(List.of(), SchemaMigrations.migrate(database.dataSource()));
    assertEquals(List.of(), SchemaMigrations.migrate(database.restart()));

    assertEquals(EVERY_DESCRIPTION, recordedVersions());
    assertEquals(41, database.count("SELECT last_stan FROM stan_counter"));
  }

  @Test
  void aScriptChangedAfterItWasAppliedStopsTheDeployAndAppliesNothingMore() {
    SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "original");

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "tampered"));

    assertTrue(refused.getMessage().contains("V1__branch.sql was changed"), refused.getMessage());
    assertEquals(List.of("1 branch"), recordedVersions());
    assertEquals(0, database.count("SELECT COUNT(*) FROM branch"));
    assertThrows(IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM teller"));
  }

  @Test
  void aDatabaseBuiltByANewerReleaseIsRefused() {
    SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "newer");

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "original"));

    assertTrue(refused.getMessage().contains("schema version 2"), refused.getMessage());
  }

  @Test
  void aFailingScriptLeavesNoTraceOfTheRun() {
    assertThrows(
        JournalStoreException.class,
        () -> SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "broken"));

    assertEquals(List.of(), recordedVersions());
    assertThrows(IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM branch"));
    assertThrows(IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM teller"));
  }

  @Test
  void aScriptInTheVendorFolderReplacesThePortableOne() throws SQLException {
    SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "vendor");

    String vendor;
    try (Connection connection = database.dataSource().getConnection()) {
      vendor = SchemaMigrations.vendorFolder(connection.getMetaData().getDatabaseProductName());
    }
    assertEquals(1, database.count("SELECT COUNT(*) FROM origin_" + vendor));
    assertThrows(
        IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM origin_portable"));
  }

  @Test
  void twoNodesStartingTogetherApplyEachVersionOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Integer>>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(
            nodes.submit(
                () -> {
                  start.await();
                  return SchemaMigrations.migrate(database.dataSource());
                }));
      }
      start.countDown();
      List<Integer> applied = new ArrayList<>();
      for (Future<List<Integer>> run : runs) {
        applied.addAll(run.get());
      }

      assertEquals(EVERY_VERSION, applied);
      assertEquals(EVERY_DESCRIPTION, recordedVersions());
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void aJournalOfTheFirstReleaseIsUpgradedWithItsEntriesKept() {
    SchemaMigrations.migrate(database.dataSource(), SchemaMigrations.LOCATION, 2);
    database.execute(
        "INSERT INTO switch_journal (call_id, type, stan, rrn, terminal_id, transmitted_at,"
            + " masked_card, amount, state, response_code, created_at, updated_at) VALUES ('call-1', 'TRANSFER', 1,"
            + " '608009000001', 'IVR00001', {ts '2026-03-21 05:30:00'}, '603799******7893', 900, 'PENDING', NULL,"
            + " {ts '2026-03-21 05:30:00'}, {ts '2026-03-21 05:30:00'})");

    assertEquals(
        EVERY_VERSION.subList(2, EVERY_VERSION.size()),
        SchemaMigrations.migrate(database.dataSource()));

    JdbcJournal journal =
        new JdbcJournal(
            database.dataSource(),
            "IVR00001",
            TestKeys.FINGERPRINT,
            new TestClock(Instant.parse("2026-03-21T06:00:00Z")));
    JournalEntry old = journal.forCall("call-1").get(0);
    assertEquals(EntryState.REVERSING, journal.reversing(old.id()).state());
    assertEquals(List.of(old.id()), journal.unfinished().stream().map(JournalEntry::id).toList());
    // The old entry has no fingerprint, so no card can be matched to it.
    assertEquals(
        Rials.zero(),
        journal.usedToday(new CardNumber("6037991234567893"), TransactionType.TRANSFER));
    // Ids handed out in blocks (V29) start after the ones the identity column gave.
    JournalEntry next =
        journal.open(
            "call-2",
            TransactionType.BALANCE_INQUIRY,
            new TransactionIds(
                new Stan(2), new Rrn("608009000002"), Instant.parse("2026-03-21T06:00:00Z")),
            new CardNumber("6037991234567893"),
            null);
    assertEquals(old.id() + 1, next.id());
  }

  @Test
  void aStateOutsideTheLifeCycleIsRefusedByTheDatabase() {
    SchemaMigrations.migrate(database.dataSource());

    assertThrows(
        IllegalStateException.class,
        () ->
            database.execute(
                "INSERT INTO switch_journal (call_id, type, stan, rrn, terminal_id, transmitted_at, masked_card,"
                    + " amount, state, created_at, updated_at) VALUES ('call-1', 'TRANSFER', 1, '608009000001',"
                    + " 'IVR00001', CURRENT_TIMESTAMP, '603799******7893', 900, 'FORGOTTEN', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)"));
  }
}
