// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.TransfersContract;

/** Every transfer rule again on the database (journal migration V27). */
abstract class JdbcTransfersContract extends TransfersContract {

  private static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  abstract TestDatabase newDatabase();

  @Override
  protected EscalationStore newStore() {
    return database.freshStore(this::newDatabase);
  }

  @AfterAll
  static void dropTheDatabase() {
    database.drop();
  }
}
