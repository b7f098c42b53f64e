// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How schema migrations must behave on every supported database; a subclass names the database. */
abstract class SchemaMigrationsContract {

  private static final String TEST_SETS = "/org/phonebank/journal/jdbc/testmigrations/";

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
        ResultSet result = statement.executeQuery(
            "SELECT version, description, applied_at, checksum FROM schema_version ORDER BY version")) {
      while (result.next()) {
        assertTrue(result.getString("checksum").matches("[0-9a-f]{64}"), "a SHA-256 checksum is recorded");
        assertTrue(result.getTimestamp("applied_at") != null, "the time it was applied is recorded");
        rows.add(result.getInt("version") + " " + result.getString("description"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Test
  void aFreshDatabaseGetsEveryVersionInOrder() {
    assertEquals(List.of(1, 2), SchemaMigrations.migrate(database.dataSource()));

    assertEquals(List.of("1 switch journal", "2 stan counter"), recordedVersions());
    assertEquals(0, database.count("SELECT COUNT(*) FROM switch_journal"));
    assertEquals(0, database.count("SELECT COUNT(*) FROM stan_counter"));
  }

  @Test
  void migratingAgainAppliesNothingAndKeepsTheData() {
    SchemaMigrations.migrate(database.dataSource());
    database.execute("INSERT INTO stan_counter (terminal_id, business_day, last_stan)"
        + " VALUES ('IVR00001', {d '2026-03-21'}, 41)");

    assertEquals(List.of(), SchemaMigrations.migrate(database.dataSource()));
    assertEquals(List.of(), SchemaMigrations.migrate(database.restart()));

    assertEquals(List.of("1 switch journal", "2 stan counter"), recordedVersions());
    assertEquals(41, database.count("SELECT last_stan FROM stan_counter"));
  }

  @Test
  void aScriptChangedAfterItWasAppliedStopsTheDeployAndAppliesNothingMore() {
    SchemaMigrations.migrate(database.dataSource(), TEST_SETS + "original");

    IllegalStateException refused = assertThrows(
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

    IllegalStateException refused = assertThrows(
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
    assertThrows(IllegalStateException.class, () -> database.count("SELECT COUNT(*) FROM origin_portable"));
  }

  @Test
  void twoNodesStartingTogetherApplyEachVersionOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Integer>>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        runs.add(nodes.submit(() -> {
          start.await();
          return SchemaMigrations.migrate(database.dataSource());
        }));
      }
      start.countDown();
      List<Integer> applied = new ArrayList<>();
      for (Future<List<Integer>> run : runs) {
        applied.addAll(run.get());
      }

      assertEquals(List.of(1, 2), applied);
      assertEquals(List.of("1 switch journal", "2 stan counter"), recordedVersions());
    } finally {
      nodes.shutdownNow();
    }
  }
}
