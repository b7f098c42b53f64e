// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the current call's thread has waited for the bank switch's answers, a running total in
 * nanoseconds. Each call runs on a thread of its own, so the Event Socket adapter can take the
 * total before and after a caller's key and tell the phone bank's own share of answering that key
 * apart from the switch's ({@code phonebank_key_own_time}, docs/operations.md). The switch adapter
 * adds to it; nothing else reads it.
 */
public final class PeerWaits {

  private static final ThreadLocal<long[]> SWITCH_NANOS =
      ThreadLocal.withInitial(() -> new long[1]);

  private PeerWaits() {}

  /**
   * Adds a wait for the switch's answer on this thread.
   *
   * @throws IllegalArgumentException when {@code waited} is negative
   */
  public static void switchWaited(Duration waited) {
    Objects.requireNonNull(waited, "Wait is required.");
    if (waited.isNegative()) {
      throw new IllegalArgumentException("A wait cannot be negative: " + waited + ".");
    }
    SWITCH_NANOS.get()[0] += waited.toNanos();
  }

  /** Nanoseconds this thread has waited for the switch so far; only differences mean anything. */
  public static long switchNanos() {
    return SWITCH_NANOS.get()[0];
  }
}
