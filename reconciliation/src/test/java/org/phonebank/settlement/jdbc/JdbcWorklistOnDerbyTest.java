// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import javax.sql.DataSource;

class JdbcWorklistOnDerbyTest extends JdbcWorklistContract {

  @Override
  AutoCloseable newDatabase() {
    return new DerbyDatabase();
  }

  @Override
  DataSource dataSourceOf(AutoCloseable database) {
    return ((DerbyDatabase) database).dataSource();
  }
}
