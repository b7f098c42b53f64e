// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What one officer's phone does when the phone bank rings it with {@code bridge}. Written on the
 * command line as:
 *
 * <ul>
 *   <li>{@code answer[:RING[:TALK]]}: rings RING seconds (default 5), the officer answers and hangs
 *       up after TALK seconds (default 8); a short TALK is an officer hanging up mid-call;
 *   <li>{@code ignore}: rings until the caller's {@code call_timeout} runs out (no answer);
 *   <li>{@code refuse[:RING]}: rejects the call after RING seconds (default 1);
 *   <li>{@code unreachable}: not registered, fails at once.
 * </ul>
 */
public sealed interface OfficerPhone {

  /** The officer answers after {@code ring} and hangs up after {@code talk}. */
  record Answers(Duration ring, Duration talk) implements OfficerPhone {
    public Answers {
      nonNegative(ring, "Ring time");
      nonNegative(talk, "Talk time");
    }
  }

  /**
   * The officer answers after {@code ring} and talks until {@code hangUp} completes: for tests that
   * look at the phone bank while the conversation is on.
   */
  record TalksUntil(Duration ring, CompletableFuture<Void> hangUp) implements OfficerPhone {
    public TalksUntil {
      nonNegative(ring, "Ring time");
      Objects.requireNonNull(hangUp, "Hang-up signal is required.");
    }
  }

  /** Rings until the ring time the phone bank gave ({@code call_timeout}) runs out. */
  record Ignores() implements OfficerPhone {}

  /** The officer rejects the call after {@code ring}. */
  record Refuses(Duration ring) implements OfficerPhone {
    public Refuses {
      nonNegative(ring, "Ring time");
    }
  }

  /** The phone is not registered: FreeSWITCH cannot reach it at all. */
  record Unreachable() implements OfficerPhone {}

  /** The phone of the default officer: answers after 5 s, talks 8 s. */
  OfficerPhone DEFAULT = new Answers(Duration.ofSeconds(5), Duration.ofSeconds(8));

  /**
   * One behaviour as written on the command line (see the type's description).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static OfficerPhone parse(String text) {
    String[] parts = text.trim().split(":", -1);
    try {
      switch (parts[0]) {
        case "answer":
          if (parts.length > 3) {
            break;
          }
          return new Answers(
              seconds(parts, 1, DEFAULT_RING_SECONDS), seconds(parts, 2, DEFAULT_TALK_SECONDS));
        case "ignore":
          if (parts.length == 1) {
            return new Ignores();
          }
          break;
        case "refuse":
          if (parts.length <= 2) {
            return new Refuses(seconds(parts, 1, 1));
          }
          break;
        case "unreachable":
          if (parts.length == 1) {
            return new Unreachable();
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "An officer's phone takes whole seconds, e.g. answer:2:5; got \"" + text + "\".");
    }
    throw new IllegalArgumentException(
        "An officer's phone is answer[:RING[:TALK]], ignore, refuse[:RING] or unreachable; got \""
            + text
            + "\".");
  }

  int DEFAULT_RING_SECONDS = 5;
  int DEFAULT_TALK_SECONDS = 8;

  private static Duration seconds(String[] parts, int index, int orElse) {
    if (parts.length <= index) {
      return Duration.ofSeconds(orElse);
    }
    long value = Long.parseLong(parts[index]);
    if (value < 0 || value > 3600) {
      throw new NumberFormatException();
    }
    return Duration.ofSeconds(value);
  }

  private static void nonNegative(Duration duration, String what) {
    Objects.requireNonNull(duration, what + " is required.");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative.");
    }
  }
}
