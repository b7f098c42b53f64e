// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the PostgreSQL database named by {@value #URL_VARIABLE} ({@code
 * jdbc:postgresql://127.0.0.1:5432/phonebank?user=...&password=...}), dropped afterwards.
 */
final class PostgresTestDatabase implements TestDatabase {

  static final String URL_VARIABLE = "PHONEBANK_TEST_POSTGRES_URL";

  private final String url = System.getenv(URL_VARIABLE);
  private final String schema = "pbtest_" + UUID.randomUUID().toString().replace("-", "");
  private HikariDataSource current;

  PostgresTestDatabase() {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL_VARIABLE + " is not set.");
    }
    run("CREATE SCHEMA " + schema);
    current = open();
  }

  @Override
  public DataSource dataSource() {
    return current;
  }

  @Override
  public DataSource restart() {
    // Closing the pool closes its connections, which rolls back whatever they left uncommitted.
    current.close();
    current = open();
    return current;
  }

  @Override
  public void close() {
    current.close();
    run("DROP SCHEMA " + schema + " CASCADE");
  }

  private HikariDataSource open() {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(url);
    postgres.setCurrentSchema(schema);
    return JournalPool.over(postgres, DerbyTestDatabase.POOL_SIZE, "test-postgres");
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
