// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

class JournalStoreOnDerbyTest extends JournalStoreContract {

  @Override
  TestDatabase newDatabase() {
    return DerbyTestDatabase.empty();
  }
}
