// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** An in-memory embedded Derby database of its own, dropped afterwards. */
final class DerbyTestDatabase implements TestDatabase {

  private final String name = "memory:journal-" + UUID.randomUUID();
  private DataSource current = open();

  DerbyTestDatabase() {
    // Create it now, so that dropping it afterwards works even if the test never connected.
    try {
      current.getConnection().close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public DataSource dataSource() {
    return current;
  }

  @Override
  public DataSource restart() {
    // An in-memory database outlives a shutdown, but the shutdown discards anything left
    // uncommitted.
    expectShutdown("shutdown=true");
    current = open();
    return current;
  }

  @Override
  public void close() {
    expectShutdown("drop=true");
  }

  private DataSource open() {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    derby.setCreateDatabase("create");
    return derby;
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
