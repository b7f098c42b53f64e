// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

class JdbcNodeWatchOnDerbyTest extends JdbcNodeWatchContract {

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.derby();
  }
}
