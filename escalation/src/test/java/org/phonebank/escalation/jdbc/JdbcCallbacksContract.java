// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.phonebank.escalation.CallbackClaim;
import org.phonebank.escalation.CallbacksContract;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.OfficerStatus;

/**
 * Every callback rule again on the database, and the claim raced for real: several nodes' threads
 * claiming the same callbacks at once, each claimed exactly once.
 */
abstract class JdbcCallbacksContract extends CallbacksContract {

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

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return database.endOf(entryId);
  }

  @Test
  void nodesRacingForTheSameCallbacksClaimEachExactlyOnce() throws Exception {
    org.phonebank.escalation.Escalations queues =
        new org.phonebank.escalation.Escalations(
            org.phonebank.escalation.SampleEscalations.settings(), store, clock, "node-1");
    for (String officer : List.of("a1", "a2")) {
      queues.setStatus(officer, OfficerStatus.READY);
    }
    for (int i = 1; i <= 2; i++) {
      long id =
          queues
              .enqueue(
                  org.phonebank.escalation.SampleEscalations.caller(
                      "cb-" + i, "fa", org.phonebank.escalation.EscalationReason.ASKED))
              .id();
      queues.callback(id, "0912123456" + i);
    }
    queues.dispatch();
    List<Offer> offers = store.unclaimedCallbacks();
    assertEquals(2, offers.size());
    Instant now = clock.instant();
    ExecutorService nodes = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Optional<CallbackClaim>>> claims = new ArrayList<>();
      for (int node = 0; node < 6; node++) {
        String nodeId = "node-" + node;
        for (Offer offer : offers) {
          claims.add(() -> store.claimCallback(offer.id(), nodeId, now, now.plusSeconds(60)));
        }
      }
      int won = 0;
      for (Future<Optional<CallbackClaim>> claim : nodes.invokeAll(claims)) {
        won += claim.get().isPresent() ? 1 : 0;
      }
      assertEquals(2, won, "each callback claimed by exactly one node");
    } finally {
      nodes.shutdownNow();
    }
    assertEquals(List.of(), store.unclaimedCallbacks());
  }
}
