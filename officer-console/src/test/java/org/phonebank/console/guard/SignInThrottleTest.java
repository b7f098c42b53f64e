// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private Instant now = Instant.parse("2026-11-30T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(15), 100, clock);

  @Test
  void fiveFailuresRefuseTheSixthTryForFifteenMinutesAfterTheLast() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("user:officer", "address:10.0.0.9");
      now = now.plusSeconds(60);
    }
    assertEquals(Duration.ZERO, throttle.waitBefore("user:officer", "address:10.0.0.9"));
    throttle.failed("user:officer", "address:10.0.0.9");
    assertEquals(Duration.ofMinutes(15), throttle.waitBefore("user:officer"));
    assertEquals(
        Duration.ofMinutes(15), throttle.waitBefore("user:someone-else", "address:10.0.0.9"));
    now = now.plus(Duration.ofMinutes(15));
    assertEquals(Duration.ZERO, throttle.waitBefore("user:officer", "address:10.0.0.9"));
  }

  @Test
  void failuresFurtherApartThanTheWindowDoNotAddUp() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user:officer");
      now = now.plus(Duration.ofMinutes(16));
    }
    assertEquals(Duration.ZERO, throttle.waitBefore("user:officer"));
  }

  @Test
  void aSuccessClearsTheUsersCountButNotTheAddresss() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("user:officer", "address:10.0.0.9");
    }
    throttle.succeeded("user:officer");
    throttle.failed("user:officer", "address:10.0.0.9");
    assertEquals(Duration.ZERO, throttle.waitBefore("user:officer"));
    assertTrue(throttle.waitBefore("address:10.0.0.9").toMinutes() == 15);
  }

  @Test
  void inventedNamesCannotGrowTheTableBeyondItsBound() {
    SignInThrottle small = new SignInThrottle(1, Duration.ofMinutes(15), 3, clock);
    small.failed("user:first");
    for (int i = 0; i < 10; i++) {
      now = now.plusSeconds(1);
      small.failed("user:invented-" + i);
    }
    // The oldest key went first to make room.
    assertEquals(Duration.ZERO, small.waitBefore("user:first"));
    assertTrue(small.waitBefore("user:invented-9").toSeconds() > 0);
  }
}
