// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.phonebank.journal.jdbc.JournalPool;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own, with the phone bank's tables, in the PostgreSQL database named by {@value
 * #URL_VARIABLE} (as journal's PostgresTestDatabase, which {@code ./phonebank test} sets up),
 * dropped on close.
 */
public final class PostgresDatabase implements AutoCloseable {

  public static final String URL_VARIABLE = "PHONEBANK_TEST_POSTGRES_URL";

  private final String url = System.getenv(URL_VARIABLE);
  private final String schema = "pbrec_" + UUID.randomUUID().toString().replace("-", "");
  private final HikariDataSource dataSource;

  public PostgresDatabase() {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL_VARIABLE + " is not set.");
    }
    run("CREATE SCHEMA " + schema);
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setUrl(url);
    driver.setCurrentSchema(schema);
    // Pooled as the server pools it (JournalPool): unpooled, every statement opened a PostgreSQL
    // session of its own (a SCRAM handshake and a server process).
    dataSource = JournalPool.over(driver, 4, "reconciliation-test");
    SchemaMigrations.migrate(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
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
