// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.lockout;

import java.time.Instant;
import java.util.Objects;
import org.phonebank.card.CardFingerprint;

/**
 * A card locked for the phone channel, as an officer sees it: masked, with its fingerprint as
 * handle.
 */
public record LockedCard(CardFingerprint fingerprint, String maskedCard, Instant lockedAt) {

  public LockedCard {
    Objects.requireNonNull(fingerprint, "Fingerprint is required.");
    Objects.requireNonNull(maskedCard, "Masked card is required.");
    Objects.requireNonNull(lockedAt, "Lock time is required.");
    if (maskedCard.chars().filter(Character::isDigit).count() > 10) {
      throw new IllegalArgumentException("A locked card is shown masked only.");
    }
  }
}
