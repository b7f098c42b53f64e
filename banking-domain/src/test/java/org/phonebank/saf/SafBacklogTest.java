// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.testing.InMemoryAdviceQueue;

class SafBacklogTest {

  private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z");

  private final InMemoryAdviceQueue queue = new InMemoryAdviceQueue();

  @Test
  void anEmptyQueueHasNoBacklog() {
    assertEquals(SafBacklog.NONE, SafBacklog.of(queue, NOW));
  }

  @Test
  void countsOnlyReleasedAdvicesAndAgesTheOldestFromItsArming() {
    queue.arm(advice(1, NOW.minusSeconds(90)));
    queue.arm(advice(2, NOW.minusSeconds(30)));
    queue.arm(advice(3, NOW.minusSeconds(600))); // armed, never released: not waiting
    queue.release(2);
    queue.release(1);

    assertEquals(new SafBacklog(2, Duration.ofSeconds(90)), SafBacklog.of(queue, NOW));
  }

  @Test
  void anAdviceArmedAfterNowCountsButAgesZero() {
    queue.arm(advice(1, NOW.plusSeconds(5)));
    queue.release(1);

    assertEquals(new SafBacklog(1, Duration.ZERO), SafBacklog.of(queue, NOW));
  }

  @Test
  void refusesANegativeCountOrAge() {
    assertThrows(IllegalArgumentException.class, () -> new SafBacklog(-1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new SafBacklog(0, Duration.ofSeconds(-1)));
  }

  private static QueuedAdvice advice(long entry, Instant armedAt) {
    return new QueuedAdvice(
        entry,
        "0420",
        new Stan((int) entry),
        new Rrn(String.format("%012d", entry)),
        new byte[] {1},
        0,
        armedAt);
  }
}
