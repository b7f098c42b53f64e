// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An in-memory embedded Derby database of its own behind the journal's pool, as the server opens
 * it, dropped afterwards. It starts with every schema version applied ({@link
 * #DerbyTestDatabase()}, restored from one migrated copy per test JVM: migrating Derby anew took
 * most of a test's 0.7 s) or empty, for the migrations' own tests ({@link #empty()}).
 */
final class DerbyTestDatabase implements TestDatabase {

  /** Fewer connections than the busiest test has threads, so tests also wait for the pool. */
  static final int POOL_SIZE = 6;

  private final String name = "memory:journal-" + UUID.randomUUID();
  private HikariDataSource current;

  /** A database with the current schema. */
  DerbyTestDatabase() {
    this(MigratedTemplate.backup());
  }

  private DerbyTestDatabase(String createFrom) {
    current = open(createFrom);
  }

  /** A database with no tables at all. */
  static DerbyTestDatabase empty() {
    return new DerbyTestDatabase(null);
  }

  @Override
  public DataSource dataSource() {
    return current;
  }

  @Override
  public DataSource restart() {
    // An in-memory database outlives a shutdown, but the shutdown discards anything left
    // uncommitted.
    current.close();
    expectShutdown(name, "shutdown=true");
    current = open(null);
    return current;
  }

  @Override
  public void close() {
    current.close();
    expectShutdown(name, "drop=true");
  }

  private HikariDataSource open(String createFrom) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    if (createFrom == null) {
      derby.setCreateDatabase("create");
    } else {
      derby.setConnectionAttributes("createFrom=" + createFrom);
    }
    return JournalPool.over(derby, POOL_SIZE, "test-derby");
  }

  /** Stops or drops ({@code attribute}) the Derby database {@code name}; Derby answers 08006. */
  static void expectShutdown(String name, String attribute) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    derby.setConnectionAttributes(attribute);
    try {
      derby.getConnection().close();
      throw new IllegalStateException("Derby did not stop " + name);
    } catch (SQLException expected) {
      // Derby reports a stopped or dropped database as an exception, SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        throw new IllegalStateException(expected);
      }
    }
  }
}
