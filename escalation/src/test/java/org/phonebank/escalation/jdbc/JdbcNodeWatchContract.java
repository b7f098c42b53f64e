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

  @Override
  protected EscalationStore secondStore() {
    return new JdbcEscalationStore(database.open());
  }

  @AfterAll
  static void dropTheDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return Optional.ofNullable(
            database.text("SELECT end_reason FROM escalation_entry WHERE id = ?", entryId))
        .map(EntryEnd::valueOf);
  }
}
