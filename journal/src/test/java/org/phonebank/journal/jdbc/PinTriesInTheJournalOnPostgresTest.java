// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PinTriesInTheJournalOnPostgresTest extends PinTriesInTheJournalContract {

  @Override
  TestDatabase newDatabase() {
    return new PostgresTestDatabase();
  }
}
