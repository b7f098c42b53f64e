// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the figures need of one caller's entry, as the store recorded it while the call flowed.
 *
 * @param answeredBy the officer who answered, if one did
 * @param end how it ended, empty while it lasts
 */
public record EntryFacts(
    String queue,
    Instant enqueuedAt,
    Optional<Instant> answeredAt,
    Optional<Instant> endedAt,
    Optional<EntryEnd> end,
    boolean callbackRequested,
    Optional<String> answeredBy) {

  public EntryFacts {
    Objects.requireNonNull(queue, "Queue is required.");
    Objects.requireNonNull(enqueuedAt, "Enqueue time is required.");
    Objects.requireNonNull(answeredAt, "Answer time is required (empty when none).");
    Objects.requireNonNull(endedAt, "End time is required (empty when none).");
    Objects.requireNonNull(end, "End is required (empty when none).");
    Objects.requireNonNull(answeredBy, "Answering officer is required (empty when none).");
  }
}
