// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

class GroupCommitFaultsOnDerbyTest extends GroupCommitFaultsContract {

  @Override
  TestDatabase newDatabase() {
    return new DerbyTestDatabase();
  }
}
