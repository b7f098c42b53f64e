// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database for one test with the phone bank's schema: embedded Derby in memory, or a schema
 * of its own in the PostgreSQL database named by {@value #POSTGRES_URL} (set by {@code ./phonebank
 * test} when PostgreSQL is installed), dropped afterwards.
 */
abstract class TestDatabase implements AutoCloseable {

  static final String POSTGRES_URL = "PHONEBANK_TEST_POSTGRES_URL";

  private HikariDataSource pool;
  private HikariDataSource otherNodePool;

  /** The escalation tables, in the order they are emptied between tests. */
  private static final java.util.List<String> ESCALATION_TABLES =
      java.util.List.of(
          "escalation_wrap_up",
          "escalation_transfer",
          "escalation_callback_attempt",
          "escalation_switch_request",
          "escalation_offer",
          "escalation_officer",
          "escalation_entry",
          "escalation_node");

  /**
   * The schema applied on first use, the escalation tables emptied: one database per test class
   * saves its migration.
   */
  void migratedAndEmpty() {
    if (!migrated) {
      org.phonebank.journal.jdbc.SchemaMigrations.migrate(pooled());
      migrated = true;
    }
    try (java.sql.Connection connection = pooled().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      for (String table : ESCALATION_TABLES) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the row {@code sql} finds for {@code id}, null when none. */
  String text(String sql, long id) {
    try (java.sql.Connection connection = pooled().getConnection();
        java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, id);
      try (java.sql.ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean migrated;

  /** A new data source on the same data, as a second node (or a restarted one) would open. */
  abstract DataSource open();

  /** Stops the database as a restart would; uncommitted work is lost. */
  void restart() {
    closePool();
    stop();
  }

  abstract void stop();

  abstract void drop();

  /** Connections reused as a container's pool reuses them (up to 16 at once). */
  synchronized DataSource pooled() {
    if (pool == null) {
      pool = newPool("escalation-test");
    }
    return pool;
  }

  /**
   * A second node's own pool over the same data. Unpooled, the second node opened a PostgreSQL
   * session for every statement (a SCRAM handshake and a server process each), and its tests took
   * seven times their Derby twins' time.
   */
  synchronized DataSource otherNodePooled() {
    if (otherNodePool == null) {
      otherNodePool = newPool("escalation-test-other-node");
    }
    return otherNodePool;
  }

  private HikariDataSource newPool(String name) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(open());
    config.setMaximumPoolSize(16);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    closePool();
    drop();
  }

  private synchronized void closePool() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (otherNodePool != null) {
      otherNodePool.close();
      otherNodePool = null;
    }
  }

  /**
   * One database for a test class: made on first use, migrated once, its escalation tables emptied
   * for each test, dropped after the class ({@link #drop}, from an {@code @AfterAll}).
   */
  static final class PerClass {
    private TestDatabase database;

    /** A store over the emptied database, which {@code make} makes on first use. */
    synchronized JdbcEscalationStore freshStore(java.util.function.Supplier<TestDatabase> make) {
      if (database == null) {
        database = make.get();
      }
      database.migratedAndEmpty();
      return new JdbcEscalationStore(database.pooled());
    }

    /** A second store over the same data, as another node opens it. */
    JdbcEscalationStore anotherNode() {
      return new JdbcEscalationStore(database.otherNodePooled());
    }

    /** How the entry ended as {@code escalation_entry} records it, empty while it lasts. */
    java.util.Optional<org.phonebank.escalation.EntryEnd> endOf(long entryId) {
      return java.util.Optional.ofNullable(
              database.text("SELECT end_reason FROM escalation_entry WHERE id = ?", entryId))
          .map(org.phonebank.escalation.EntryEnd::valueOf);
    }

    synchronized void drop() {
      if (database != null) {
        database.close();
        database = null;
      }
    }
  }

  static TestDatabase derby() {
    return new Derby("memory:escalation-" + UUID.randomUUID());
  }

  /** Embedded Derby on disk in {@code folder}, as the phone bank runs it. */
  static TestDatabase derbyOnDisk(java.nio.file.Path folder) {
    return new Derby(folder.resolve("escalation-" + UUID.randomUUID()).toString());
  }

  static TestDatabase postgres() {
    return new Postgres();
  }

  private static final class Derby extends TestDatabase {
    private final String name;

    Derby(String name) {
      this.name = name;
    }

    @Override
    DataSource open() {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName(name);
      derby.setCreateDatabase("create");
      return derby;
    }

    @Override
    void stop() {
      shutdown("shutdown=true");
    }

    @Override
    void drop() {
      if (name.startsWith("memory:")) {
        shutdown("drop=true");
        return;
      }
      // Derby drops only in-memory databases; one on disk is stopped and its folder deleted.
      shutdown("shutdown=true");
      try (java.util.stream.Stream<java.nio.file.Path> files =
          java.nio.file.Files.walk(java.nio.file.Path.of(name))) {
        for (java.nio.file.Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(file);
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private void shutdown(String attribute) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName(name);
      derby.setConnectionAttributes(attribute);
      try {
        derby.getConnection().close();
        throw new IllegalStateException("Derby did not stop " + name);
      } catch (SQLException expected) {
        // Derby reports a stopped or dropped database as SQLState 08006.
        if (!"08006".equals(expected.getSQLState())) {
          throw new IllegalStateException(expected);
        }
      }
    }
  }

  private static final class Postgres extends TestDatabase {
    private final String url = System.getenv(POSTGRES_URL);
    private final String schema = "pbesc_" + UUID.randomUUID().toString().replace("-", "");

    Postgres() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(POSTGRES_URL + " is not set.");
      }
      run("CREATE SCHEMA " + schema);
    }

    @Override
    DataSource open() {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(url);
      postgres.setCurrentSchema(schema);
      return postgres;
    }

    @Override
    void stop() {
      // Closing the pool closed every connection: nothing uncommitted survives that.
    }

    @Override
    void drop() {
      run("DROP SCHEMA " + schema + " CASCADE");
    }

    private void run(String sql) {
      PGSimpleDataSource admin = new PGSimpleDataSource();
      admin.setUrl(url);
      try (Connection connection = admin.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
