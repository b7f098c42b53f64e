// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

class JdbcTransfersOnDerbyTest extends JdbcTransfersContract {

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.derby();
  }
}
