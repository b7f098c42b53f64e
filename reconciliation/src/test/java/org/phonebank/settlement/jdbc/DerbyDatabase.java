// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.phonebank.journal.jdbc.SchemaMigrations;

/** An in-memory Derby database with the phone bank's schema, dropped on close. */
public final class DerbyDatabase implements AutoCloseable {

  private final String name = "memory:settlement-" + UUID.randomUUID();
  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

  public DerbyDatabase() {
    dataSource.setDatabaseName(name);
    dataSource.setCreateDatabase("create");
    SchemaMigrations.migrate(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(name);
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a dropped database as an exception (08006).
    }
  }
}
