// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.phonebank.knowledge.KnowledgeStore;
import org.phonebank.knowledge.KnowledgeStoreContract;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The knowledge store on PostgreSQL (the database {@code ./phonebank test} names in {@value
 * #POSTGRES_URL} when PostgreSQL is installed), in a schema of its own with every migration,
 * dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = JdbcKnowledgeStoreOnPostgresTest.POSTGRES_URL, matches = ".+")
class JdbcKnowledgeStoreOnPostgresTest extends KnowledgeStoreContract {

  static final String POSTGRES_URL = "PHONEBANK_TEST_POSTGRES_URL";

  private static final String SCHEMA = "pbknow_" + UUID.randomUUID().toString().replace("-", "");
  private static final PGSimpleDataSource postgres = new PGSimpleDataSource();

  @BeforeAll
  static void migrate() {
    run("CREATE SCHEMA " + SCHEMA);
    postgres.setUrl(System.getenv(POSTGRES_URL));
    postgres.setCurrentSchema(SCHEMA);
    SchemaMigrations.migrate(postgres);
  }

  @AfterAll
  static void drop() {
    run("DROP SCHEMA " + SCHEMA + " CASCADE");
  }

  private static void run(String sql) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(System.getenv(POSTGRES_URL));
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected KnowledgeStore store() {
    return new JdbcKnowledgeStore(postgres);
  }
}
