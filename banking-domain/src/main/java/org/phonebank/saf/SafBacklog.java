// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What store-and-forward holds back at one instant: how many released advices wait for the switch's
 * acknowledgement and how long the oldest has waited. Readiness and the metrics both report it, so
 * both read it here, in one pass over the queue.
 *
 * @param waiting released, unacknowledged advices, counted up to {@link #MAX_COUNTED}
 * @param oldest the age of the oldest of them, zero when none waits (never negative)
 */
public record SafBacklog(int waiting, Duration oldest) {

  /** Advices read to count the queue: a queue this deep is stuck whatever its age. */
  public static final int MAX_COUNTED = 10_000;

  public static final SafBacklog NONE = new SafBacklog(0, Duration.ZERO);

  public SafBacklog {
    if (waiting < 0) {
      throw new IllegalArgumentException("A backlog cannot be negative: " + waiting);
    }
    Objects.requireNonNull(oldest, "The oldest advice's age is required.");
    if (oldest.isNegative()) {
      throw new IllegalArgumentException("An age cannot be negative: " + oldest);
    }
  }

  /**
   * Reads the queue once; an advice armed after {@code now} (a clock step back) counts as age 0.
   */
  public static SafBacklog of(AdviceQueue advices, Instant now) {
    List<QueuedAdvice> released = advices.released(MAX_COUNTED);
    Duration oldest =
        released.stream()
            .map(a -> Duration.between(a.armedAt(), now))
            .filter(age -> !age.isNegative())
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return new SafBacklog(released.size(), oldest);
  }
}
