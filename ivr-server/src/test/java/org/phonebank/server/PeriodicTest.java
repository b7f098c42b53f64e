// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTheExecutor() {
    executor.shutdownNow();
  }

  @Test
  void aRunThatThrowsIsLoggedAndTheNextRunStillComes() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3);
    try (Periodic periodic =
        Periodic.every(
            executor,
            "Failing task",
            Duration.ofMillis(1),
            () -> {
              runs.incrementAndGet();
              third.countDown();
              throw new IllegalStateException("a bad database minute");
            })) {
      assertTrue(third.await(10, TimeUnit.SECONDS), "runs after a failure: " + runs);
      assertTrue(periodic.isScheduled());
    }
  }

  @Test
  void closingCancelsTheScheduleAndLeavesTheExecutorRunning() {
    Periodic periodic = Periodic.every(executor, "Task", Duration.ofHours(1), () -> {});
    periodic.close();
    assertFalse(periodic.isScheduled());
    assertFalse(executor.isShutdown(), "a managed executor is the container's to shut down");
  }

  @Test
  void aZeroIntervalIsRefusedNamingTheTask() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Periodic.every(executor, "Node heartbeat", Duration.ZERO, () -> {}));
    assertTrue(e.getMessage().startsWith("Node heartbeat"), e.getMessage());
  }
}
