// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An in-memory embedded Derby database of its own behind the journal's pool, as the server opens
 * it, dropped afterwards.
 */
final class DerbyTestDatabase implements TestDatabase {

  /** Fewer connections than the busiest test has threads, so tests also wait for the pool. */
  static final int POOL_SIZE = 6;

  private final String name = "memory:journal-" + UUID.randomUUID();
  private HikariDataSource current = open();

  @Override
  public DataSource dataSource() {
    return current;
  }

  @Override
  public DataSource restart() {
    // An in-memory database outlives a shutdown, but the shutdown discards anything left
    // uncommitted.
    current.close();
    expectShutdown("shutdown=true");
    current = open();
    return current;
  }

  @Override
  public void close() {
    current.close();
    expectShutdown("drop=true");
  }

  private HikariDataSource open() {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    derby.setCreateDatabase("create");
    return JournalPool.over(derby, POOL_SIZE, "test-derby");
  }

  private void expectShutdown(String attribute) {
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
