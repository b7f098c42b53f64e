// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallReadinessTest {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void readyWhenEveryPartAnswersAndNoAdviceWaitsTooLong() {
    CallReadiness r =
        new CallReadiness(true, true, true, 2, Duration.ofSeconds(30), FIVE_MINUTES, 0);
    assertTrue(r.ready());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void eachMissingPartIsNamed() {
    CallReadiness r = new CallReadiness(false, false, false, 0, Duration.ZERO, FIVE_MINUTES, 0);
    assertFalse(r.ready());
    assertEquals(
        List.of("database unreachable", "switch link not signed on", "Event Socket not listening"),
        r.problems());
  }

  @Test
  void anAdviceWaitingPastTheThresholdMakesStoreAndForwardStuck() {
    CallReadiness r =
        new CallReadiness(true, true, true, 3, Duration.ofMinutes(6), FIVE_MINUTES, 0);
    assertFalse(r.ready());
    assertEquals(
        List.of("store-and-forward stuck: 3 advice(s), oldest waiting 360 s"), r.problems());
  }

  @Test
  void deadLettersAreReportedWithoutTakingTheNodeOutOfService() {
    CallReadiness r = new CallReadiness(true, true, true, 0, Duration.ZERO, FIVE_MINUTES, 2);
    assertTrue(r.ready());
    assertEquals(2, r.safDeadLetters());
  }
}
