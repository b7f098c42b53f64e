// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

class JdbcCallbacksOnDerbyTest extends JdbcCallbacksContract {

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.derby();
  }
}
