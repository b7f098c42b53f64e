// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the link waits after every endpoint failed in a row: the initial delay, doubling each
 * time up to the maximum, and back to the initial delay once a link has signed on. Example with 2 s
 * and 60 s: 2, 4, 8, 16, 32, 60, 60 … seconds.
 */
final class ReconnectBackoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  ReconnectBackoff(Duration initial, Duration max) {
    this.initial = Objects.requireNonNull(initial, "Initial delay is required.");
    this.max = Objects.requireNonNull(max, "Maximum delay is required.");
    this.next = initial;
  }

  /** The wait to take now; the one after it is twice as long, at most the maximum. */
  Duration next() {
    Duration now = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) <= 0 ? doubled : max;
    return now;
  }

  /** A link signed on: the next failure waits the initial delay again. */
  void reset() {
    next = initial;
  }
}
