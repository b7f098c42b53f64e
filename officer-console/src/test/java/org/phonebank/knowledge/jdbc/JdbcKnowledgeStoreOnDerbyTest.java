// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.jdbc;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.phonebank.knowledge.KnowledgeStore;
import org.phonebank.knowledge.KnowledgeStoreContract;

/**
 * The knowledge store on the phone bank's real schema (every migration) in embedded Derby: one
 * database for the class (migrating takes seconds), each test with article ids of its own.
 */
class JdbcKnowledgeStoreOnDerbyTest extends KnowledgeStoreContract {

  private static final EmbeddedDataSource derby = new EmbeddedDataSource();

  @BeforeAll
  static void migrate() {
    derby.setDatabaseName("memory:knowledge-" + System.nanoTime());
    derby.setCreateDatabase("create");
    SchemaMigrations.migrate(derby);
  }

  @AfterAll
  static void drop() {
    EmbeddedDataSource dropping = new EmbeddedDataSource();
    dropping.setDatabaseName(derby.getDatabaseName());
    dropping.setConnectionAttributes("drop=true");
    try {
      dropping.getConnection().close();
    } catch (java.sql.SQLException expected) {
      // Derby reports a dropped database as SQLState 08006.
    }
  }

  @Override
  protected KnowledgeStore store() {
    return new JdbcKnowledgeStore(derby);
  }
}
