// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.phonebank.journal.jdbc.JournalPool;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh journal database for one row of the benchmark, behind the journal's own pool, as the
 * server opens it: embedded Derby on disk (durable commits) or a schema of its own in PostgreSQL.
 * It also holds {@code bench_floor}, a table as wide as {@code switch_journal} with nothing on it,
 * for the bare cost of the same durable commits.
 */
final class BenchDatabase implements AutoCloseable {

  private final HikariDataSource pool;
  private final EmbeddedDataSource derby;
  private final String postgresUrl;
  private final String schema;

  private BenchDatabase(
      HikariDataSource pool, EmbeddedDataSource derby, String postgresUrl, String schema) {
    this.pool = pool;
    this.derby = derby;
    this.postgresUrl = postgresUrl;
    this.schema = schema;
  }

  /**
   * @param postgresUrl a {@code jdbc:postgresql:} URL with user and password, or null for Derby
   */
  static BenchDatabase open(String postgresUrl, Path work, String name, int poolSize) {
    BenchDatabase database;
    if (postgresUrl == null) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName(work.resolve(name).toString());
      derby.setCreateDatabase("create");
      database = new BenchDatabase(JournalPool.over(derby, poolSize, name), derby, null, null);
    } else {
      String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
      run(postgresUrl, "CREATE SCHEMA " + schema);
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(postgresUrl);
      postgres.setCurrentSchema(schema);
      database =
          new BenchDatabase(JournalPool.over(postgres, poolSize, name), null, postgresUrl, schema);
    }
    SchemaMigrations.migrate(database.pool);
    database.execute(
        "CREATE TABLE bench_floor (id BIGINT NOT NULL PRIMARY KEY, call_id VARCHAR(64) NOT NULL,"
            + " type VARCHAR(32) NOT NULL, stan INTEGER NOT NULL, rrn VARCHAR(12) NOT NULL,"
            + " terminal_id VARCHAR(8) NOT NULL, transmitted_at TIMESTAMP NOT NULL,"
            + " masked_card VARCHAR(16) NOT NULL, card_fingerprint VARCHAR(64), amount BIGINT,"
            + " state VARCHAR(16) NOT NULL, response_code VARCHAR(2), created_at TIMESTAMP NOT NULL,"
            + " updated_at TIMESTAMP NOT NULL)");
    return database;
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * Gives {@code bench_floor} the indexes {@code switch_journal} carries (journal migrations V1,
   * V3, V30, V33 and V35): the unique terminal and RRN, call, card fingerprint with type and time,
   * terminal with time. None holds a column the floor's UPDATE changes, as none of the journal's
   * does since V35 dropped its (terminal, state) index.
   */
  void indexFloorAsTheJournal() {
    execute("ALTER TABLE bench_floor ADD CONSTRAINT bench_floor_rrn_uk UNIQUE (terminal_id, rrn)");
    execute("CREATE INDEX bench_floor_call_ix ON bench_floor (call_id)");
    execute(
        "CREATE INDEX bench_floor_card_day_ix ON bench_floor (card_fingerprint, type,"
            + " transmitted_at)");
    execute("CREATE INDEX bench_floor_business_ix ON bench_floor (terminal_id, transmitted_at)");
  }

  private void execute(String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.close();
    if (derby != null) {
      EmbeddedDataSource stop = new EmbeddedDataSource();
      stop.setDatabaseName(derby.getDatabaseName());
      stop.setShutdownDatabase("shutdown");
      try {
        stop.getConnection().close();
      } catch (SQLException expected) {
        // Derby reports a clean shutdown as an exception (SQLState 08006).
      }
    } else {
      run(postgresUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void run(String url, String sql) {
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
