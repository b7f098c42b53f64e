// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
