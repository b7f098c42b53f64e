// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

  private static final Duration THREE_MINUTES = Duration.ofMinutes(3);

  @Test
  void callersWaitOneHandlingTimePerRoundOfOfficers() {
    assertEquals(Duration.ofMinutes(3), WaitEstimate.of(1, 2, THREE_MINUTES));
    assertEquals(Duration.ofMinutes(3), WaitEstimate.of(2, 2, THREE_MINUTES));
    assertEquals(Duration.ofMinutes(6), WaitEstimate.of(3, 2, THREE_MINUTES));
  }

  @Test
  void withNobodyAtWorkOneOfficerIsAssumedAndShortWaitsRoundUpToAMinute() {
    assertEquals(Duration.ofMinutes(9), WaitEstimate.of(3, 0, THREE_MINUTES));
    assertEquals(Duration.ofMinutes(1), WaitEstimate.of(1, 5, Duration.ofSeconds(20)));
    assertEquals(Duration.ofMinutes(2), WaitEstimate.of(1, 1, Duration.ofSeconds(61)));
  }
}
