// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.TransfersContract;

/** Every transfer rule again on the database (journal migration V27). */
abstract class JdbcTransfersContract extends TransfersContract {

  private static TestDatabase database;

  abstract TestDatabase newDatabase();

  @Override
  protected EscalationStore newStore() {
    if (database == null) {
      database = newDatabase();
    }
    database.migratedAndEmpty();
    return new JdbcEscalationStore(database.pooled());
  }

  @AfterAll
  static void dropTheDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
