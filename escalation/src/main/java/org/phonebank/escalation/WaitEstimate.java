// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;

/**
 * The estimated wait told to a caller (docs/escalation.md, "Estimated wait"): with {@code p} their
 * position, {@code n} the officers at work who can serve their queue (ready, ringing or talking, at
 * least 1) and {@code h} the average handling time of the queue's last 20 calls (the configured
 * default before any), the caller waits for {@code ceil(p / n)} calls to finish, each taking about
 * {@code h}: {@code ceil(p / n) × h}, rounded up to whole minutes. It deliberately ignores how far
 * the calls in progress have got, which makes it pessimistic by up to one {@code h}: a caller is
 * better served early than late.
 */
public final class WaitEstimate {

  private WaitEstimate() {}

  public static Duration of(int position, int officersAtWork, Duration averageHandling) {
    if (position < 1) {
      throw new IllegalArgumentException("A position starts at 1.");
    }
    int officers = Math.max(1, officersAtWork);
    long rounds = (position + officers - 1) / officers;
    long seconds = averageHandling.toSeconds() * rounds;
    long minutes = Math.max(1, (seconds + 59) / 60);
    return Duration.ofMinutes(minutes);
  }
}
