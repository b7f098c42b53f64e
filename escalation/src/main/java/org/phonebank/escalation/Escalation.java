// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.phonebank.journal.JournalEntry;

/**
 * What an officer needs to take over a call, and nothing secret: the caller's language, the card
 * masked to its first six and last four digits (absent when no card was keyed), whether the issuer
 * accepted the PIN, the IVR path so far, why the caller left, and the call's switch requests as the
 * journal holds them (type, amount, STAN, RRN, response code, state; masked card only).
 *
 * @param callId FreeSWITCH's channel UUID of the caller's call
 * @param language the caller's language code ({@code fa} or {@code en})
 * @param maskedCard {@code 603799******7893}, or empty
 * @param path step names in the order visited, never what the caller keyed
 * @param reasonText the path's own words for the reason, e.g. "wrong PIN limit reached"
 */
public record Escalation(
    String callId,
    String language,
    Optional<String> maskedCard,
    boolean authenticated,
    List<String> path,
    EscalationReason reason,
    String reasonText,
    List<JournalEntry> switchRequests) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern MASKED = Pattern.compile("[0-9]{6}\\*{6}[0-9]{4}");

  public Escalation {
    Objects.requireNonNull(callId, "Call id is required.");
    if (callId.isBlank() || callId.length() > 64) {
      throw new IllegalArgumentException("A call id has 1 to 64 characters.");
    }
    Objects.requireNonNull(language, "Language is required.");
    if (!LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("A language is a two-letter code: '" + language + "'.");
    }
    Objects.requireNonNull(maskedCard, "Masked card is required (empty when none was keyed).");
    if (maskedCard.isPresent() && !MASKED.matcher(maskedCard.get()).matches()) {
      // Never echo the value: a full card number passed here by mistake must not reach a log.
      throw new IllegalArgumentException("A card on an escalation is masked to 6 + 4 digits.");
    }
    if (authenticated && maskedCard.isEmpty()) {
      throw new IllegalArgumentException("An authenticated caller has a card.");
    }
    path = List.copyOf(Objects.requireNonNull(path, "Path is required."));
    Objects.requireNonNull(reason, "Reason is required.");
    reasonText = Objects.requireNonNullElse(reasonText, reason.key());
    switchRequests =
        List.copyOf(Objects.requireNonNull(switchRequests, "Switch requests are required."));
  }
}
