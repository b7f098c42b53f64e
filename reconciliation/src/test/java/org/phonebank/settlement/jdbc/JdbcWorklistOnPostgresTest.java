// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = PostgresDatabase.URL_VARIABLE, matches = ".+")
class JdbcWorklistOnPostgresTest extends JdbcWorklistContract {

  @Override
  AutoCloseable newDatabase() {
    return new PostgresDatabase();
  }

  @Override
  DataSource dataSourceOf(AutoCloseable database) {
    return ((PostgresDatabase) database).dataSource();
  }
}
