// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One caller in a queue, as the shared store holds it.
 *
 * @param tried officers already offered this caller, who are passed over while others can help
 * @param callbackNumber the number to call back, once the caller asked for it (keeps their place)
 */
public record QueuedCall(
    long id,
    String callId,
    String queue,
    int priority,
    String language,
    Instant enqueuedAt,
    EntryStatus status,
    Set<String> tried,
    Optional<String> callbackNumber) {

  public QueuedCall {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(queue, "Queue is required.");
    Objects.requireNonNull(language, "Language is required.");
    Objects.requireNonNull(enqueuedAt, "Enqueue time is required.");
    Objects.requireNonNull(status, "Status is required.");
    tried = Set.copyOf(tried);
    Objects.requireNonNull(callbackNumber, "Callback number is required (empty when none).");
  }

  public boolean wantsCallback() {
    return callbackNumber.isPresent();
  }

  /** This caller moved on to {@code newStatus}, having been offered to {@code triedSoFar}. */
  public QueuedCall with(EntryStatus newStatus, Set<String> triedSoFar) {
    return new QueuedCall(
        id, callId, queue, priority, language, enqueuedAt, newStatus, triedSoFar, callbackNumber);
  }

  /** This caller, to be called back at {@code number}. */
  public QueuedCall withCallback(String number) {
    return new QueuedCall(
        id, callId, queue, priority, language, enqueuedAt, status, tried, Optional.of(number));
  }
}
