// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

class PinTriesInTheJournalOnDerbyTest extends PinTriesInTheJournalContract {

  @Override
  TestDatabase newDatabase() {
    return new DerbyTestDatabase();
  }
}
