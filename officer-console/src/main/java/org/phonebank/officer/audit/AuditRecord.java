// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of the console's audit trail: who did what, when, to which card (masked to its first six
 * and last four digits, never more), with a short detail such as the queue entry or the new state.
 *
 * @param actor the signed-in user's name
 * @param maskedCard {@code 603799******7893}, or empty when the action concerns no card
 * @param detail at most 200 characters of plain text
 */
public record AuditRecord(
    Instant at, String actor, AuditAction action, Optional<String> maskedCard, String detail) {

  private static final Pattern MASKED = Pattern.compile("[0-9]{6}\\*{6}[0-9]{4}");

  public AuditRecord {
    Objects.requireNonNull(at, "Time is required.");
    Objects.requireNonNull(actor, "Actor is required.");
    if (actor.isBlank() || actor.length() > 64) {
      throw new IllegalArgumentException("An actor is 1 to 64 characters.");
    }
    Objects.requireNonNull(action, "Action is required.");
    Objects.requireNonNull(maskedCard, "Masked card is required (empty when none).");
    if (maskedCard.isPresent() && !MASKED.matcher(maskedCard.get()).matches()) {
      // Never echo it: a full card number passed by mistake must not reach a log.
      throw new IllegalArgumentException("An audited card is masked to 6 + 4 digits.");
    }
    detail = Objects.requireNonNullElse(detail, "");
    if (detail.length() > 200) {
      detail = detail.substring(0, 200);
    }
  }
}
