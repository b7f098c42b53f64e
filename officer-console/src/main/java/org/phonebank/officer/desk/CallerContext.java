// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.card.CardFingerprint;

/**
 * What the phone bank holds about one escalated call, as the officers' queues and the journal
 * recorded it: nothing secret (the card masked 6+4, its keyed fingerprint as the only handle to the
 * same card's other calls).
 *
 * @param entryId the caller's queue entry
 * @param maskedCard {@code 603799******7893}, or empty when no card was keyed
 * @param card the card's fingerprint as the journal keeps it, empty when the call reached no switch
 *     request with the card
 * @param path the IVR steps in the order visited
 * @param reason the escalation reason's key ({@code asked}, {@code money-movement-failed}, ...)
 */
public record CallerContext(
    long entryId,
    String callId,
    Optional<String> maskedCard,
    Optional<CardFingerprint> card,
    String language,
    boolean authenticated,
    List<String> path,
    String reason,
    String reasonText,
    List<SwitchRequestFacts> switchRequests,
    Instant enqueuedAt) {

  public CallerContext {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(maskedCard, "Masked card is required (empty when none).");
    Objects.requireNonNull(card, "Card fingerprint is required (empty when none).");
    Objects.requireNonNull(language, "Language is required.");
    path = List.copyOf(path);
    Objects.requireNonNull(reason, "Reason is required.");
    reasonText = Objects.requireNonNullElse(reasonText, "");
    switchRequests = List.copyOf(switchRequests);
    Objects.requireNonNull(enqueuedAt, "Enqueue time is required.");
  }
}
