// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.NodeWatchContract;

/**
 * The take-over from a silent node on the database (journal migration V28), each node with a data
 * source of its own over the same data, as two phone-bank nodes open it.
 */
abstract class JdbcNodeWatchContract extends NodeWatchContract {

  private static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  abstract TestDatabase newDatabase();

  @Override
  protected EscalationStore newStore() {
    return database.freshStore(this::newDatabase);
  }

  @Override
  protected EscalationStore secondStore() {
    return database.anotherNode();
  }

  @AfterAll
  static void dropTheDatabase() {
    database.drop();
  }

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return database.endOf(entryId);
  }
}
