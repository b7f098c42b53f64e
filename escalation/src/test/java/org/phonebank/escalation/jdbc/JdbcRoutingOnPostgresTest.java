// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL, matches = ".+")
class JdbcRoutingOnPostgresTest extends JdbcRoutingContract {

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  @Override
  boolean passesOverLockedRows() {
    return true;
  }
}
