// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

class SchemaMigrationsOnDerbyTest extends SchemaMigrationsContract {

  @Override
  TestDatabase newDatabase() {
    return DerbyTestDatabase.empty();
  }
}
