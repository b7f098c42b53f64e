// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

class JdbcRoutingOnDerbyTest extends JdbcRoutingContract {

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.derby();
  }
}
