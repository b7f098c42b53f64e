// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The routing benchmark at a tiny size, so the harness keeps working (no timing asserted). */
class RoutingBenchmarkTest {

  @Test
  void theHarnessRoutesEveryFreedOfficerOnDerby() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      RoutingBenchmark.Result result = RoutingBenchmark.run(database, 10, 40, 8, 2, 1);

      // 8 rounds, each freeing 2 officers whom the callers' looks ring again.
      assertEquals(16, result.reservations());
      assertTrue(result.decisions() >= 16);
      // Officers rung a second over the same timed looks: a share of the looks a second.
      double share = (double) result.reservations() / result.decisions();
      assertEquals(share * result.decisionsPerSecond(), result.rungPerSecond(), 1e-6);
      assertTrue(result.p99Ms() >= result.p50Ms());
      assertTrue(result.updatesPerSecond() > 0);
    }
  }

  @Test
  void callersLookingAtOnceRingEveryFreedOfficerAndNoOfficerTwice() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      // run() fails when one officer is offered two calls in a round. Callers looking at once may
      // leave a freed officer to the next round (each planned him for another caller), never more.
      RoutingBenchmark.Result result = RoutingBenchmark.run(database, 10, 40, 8, 2, 4);

      assertTrue(result.reservations() <= 16, () -> result.reservations() + " reservations");
      assertTrue(result.reservations() >= 8, () -> result.reservations() + " reservations");
      assertEquals(4, result.threads());
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL, matches = ".+")
  void theHarnessRoutesEveryFreedOfficerOnPostgres() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      assertEquals(16, RoutingBenchmark.run(database, 10, 40, 8, 2, 4).reservations());
    }
  }

  @Test
  void oneRouterMatchesEveryOfficerEveryRoundWhenOfficersComeFreeAtOnce() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      // 10 officers free each round, the head 10 of 40 callers look: one router alone plans as
      // the whole queue would, so every look rings but a fraud caller's whose one fraud officer
      // (o10) another fraud caller ahead took; one in twenty callers is a fraud caller.
      RoutingBenchmark.MatchResult result = RoutingBenchmark.runMatches(database, 10, 40, 6, 1);

      assertEquals(60, result.looks());
      assertTrue(result.matches() >= 60 - 6, () -> result.matches() + " matches");
      double share = (double) result.matches() / result.looks();
      assertEquals(share * result.looksPerSecond(), result.matchesPerSecond(), 1e-6);
      assertTrue(result.matchP99Ms() >= result.matchP50Ms());
      assertTrue(result.baseline().perSecond() > 0);
    }
  }

  @Test
  void warmUpRoundsAreLeftOutOfTheTimedFiguresAndReportedApart() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      RoutingBenchmark.MatchResult result = RoutingBenchmark.runMatches(database, 10, 40, 2, 3, 1);

      // 3 timed rounds of 10 looks; the 2 warm-up rounds' 20 looks counted only as cold figures.
      assertEquals(30, result.looks());
      assertTrue(result.matches() <= 30, () -> result.matches() + " matches");
      assertEquals(2, result.warmUpRounds());
      assertTrue(result.coldMatchesPerSecond() > 0);
      assertTrue(result.coldMatchP99Ms() > 0);
    }
  }

  @Test
  void routersAtOnceMatchEachCallerOnceAndTheRowsAddUp() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      // runMatches fails on an officer offered two calls in a round, a caller given an officer
      // twice, or rows that do not add up at the end. Routers racing for one officer may leave a
      // caller for the next round (their other choices taken too), never match one twice.
      RoutingBenchmark.MatchResult result = RoutingBenchmark.runMatches(database, 10, 40, 6, 4);

      assertEquals(60, result.looks());
      assertTrue(result.matches() <= 60, () -> result.matches() + " matches");
      assertTrue(result.matches() >= 30, () -> result.matches() + " matches");
      assertEquals(4, result.threads());
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL, matches = ".+")
  void routersAtOnceMatchEachCallerOnceOnPostgres() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      RoutingBenchmark.MatchResult result = RoutingBenchmark.runMatches(database, 10, 40, 6, 4);

      assertTrue(result.matches() >= 30, () -> result.matches() + " matches");
    }
  }

  @Test
  void aRunWhoseRowsDoNotAddUpFails() throws Exception {
    try (TestDatabase database = TestDatabase.derby()) {
      database.migratedAndEmpty();
      RunLedger ledger = new RunLedger();
      // Counted a caller who never joined: the check reads one waiting caller fewer than counted.
      ledger.enqueued();

      IllegalStateException failure =
          assertThrows(IllegalStateException.class, () -> ledger.check(database.pooled(), 0));
      assertTrue(failure.getMessage().contains("callers waiting 0, expected 1"));
    }
  }
}
