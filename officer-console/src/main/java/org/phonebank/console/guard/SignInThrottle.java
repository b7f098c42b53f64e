// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at a console's sign-in: after {@code maxFailures} failed sign-ins for one
 * key (a user name, or a client address) within {@code window}, that key is refused without the
 * password being checked until {@code window} has passed since its last failure. A successful
 * sign-in clears its user name's count. Keys are kept in memory, per server; at most {@code
 * maxKeys} of them, the oldest dropped first, so a flood of invented names cannot fill the heap.
 */
public final class SignInThrottle {

  private final int maxFailures;
  private final Duration window;
  private final int maxKeys;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, Instant last) {}

  /**
   * @param maxFailures failures allowed before a key is refused (at least 1)
   * @param window how long failures are remembered and a refused key stays refused
   * @param maxKeys most keys remembered at once
   */
  public SignInThrottle(int maxFailures, Duration window, int maxKeys, Clock clock) {
    if (maxFailures < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("Failures and keys allowed must be at least 1.");
    }
    this.maxFailures = maxFailures;
    this.window = Objects.requireNonNull(window, "Window is required.");
    this.maxKeys = maxKeys;
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /** Five failures in fifteen minutes, 100,000 keys. */
  public static SignInThrottle standard() {
    return new SignInThrottle(5, Duration.ofMinutes(15), 100_000, Clock.systemUTC());
  }

  /**
   * How long a sign-in for these keys must wait; zero when it may be tried now.
   *
   * @param keys the user name and the client address, each prefixed with what it is
   */
  public Duration waitBefore(String... keys) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys) {
      Failures seen = failures.get(key);
      if (seen == null) {
        continue;
      }
      Instant until = seen.last().plus(window);
      if (!now.isBefore(until)) {
        failures.remove(key, seen);
      } else if (seen.count() >= maxFailures) {
        Duration left = Duration.between(now, until);
        longest = left.compareTo(longest) > 0 ? left : longest;
      }
    }
    return longest;
  }

  public void failed(String... keys) {
    Instant now = clock.instant();
    if (failures.size() >= maxKeys) {
      dropOldest();
    }
    for (String key : keys) {
      failures.merge(
          key,
          new Failures(1, now),
          (old, one) ->
              old.last().plus(window).isAfter(now)
                  ? new Failures(old.count() + 1, now)
                  : new Failures(1, now));
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void dropOldest() {
    failures.entrySet().stream()
        .min((a, b) -> a.getValue().last().compareTo(b.getValue().last()))
        .ifPresent(oldest -> failures.remove(oldest.getKey(), oldest.getValue()));
  }
}
