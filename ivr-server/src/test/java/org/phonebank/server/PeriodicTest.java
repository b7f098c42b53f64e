// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicTest {

  @Test
  void aRunThatThrowsIsLoggedAndTheNextRunStillComesOnItsOwnNamedThread() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<String> thread = new AtomicReference<>();
    CountDownLatch third = new CountDownLatch(3);
    try (Periodic periodic =
        Periodic.every(
            Executors.defaultThreadFactory(),
            "failing",
            "Failing task",
            Duration.ofMillis(1),
            () -> {
              runs.incrementAndGet();
              thread.set(Thread.currentThread().getName());
              third.countDown();
              throw new IllegalStateException("a bad database minute");
            })) {
      assertTrue(third.await(10, TimeUnit.SECONDS), "runs after a failure: " + runs);
      assertTrue(periodic.isScheduled());
      assertEquals("phonebank-failing", thread.get());
    }
  }

  @Test
  void closingStopsTheSchedule() {
    Periodic periodic =
        Periodic.every(
            Executors.defaultThreadFactory(), "idle", "Task", Duration.ofHours(1), () -> {});
    periodic.close();
    assertFalse(periodic.isScheduled());
  }

  @Test
  void aZeroIntervalIsRefusedNamingTheTask() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Periodic.every(
                    Executors.defaultThreadFactory(),
                    "beat",
                    "Node heartbeat",
                    Duration.ZERO,
                    () -> {}));
    assertTrue(e.getMessage().startsWith("Node heartbeat"), e.getMessage());
  }
}
