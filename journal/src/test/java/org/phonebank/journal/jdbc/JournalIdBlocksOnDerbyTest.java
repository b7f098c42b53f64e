// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

class JournalIdBlocksOnDerbyTest extends JournalIdBlocksContract {

  @Override
  TestDatabase newDatabase() {
    return new DerbyTestDatabase();
  }
}
