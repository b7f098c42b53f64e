// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import org.phonebank.lockout.LockedCard;

/**
 * A locked card as the console shows it: masked, with its fingerprint as the handle to unlock it.
 */
public record LockedCardView(String fingerprint, String maskedCard, String lockedAt) {

  static LockedCardView of(LockedCard card) {
    return new LockedCardView(
        card.fingerprint().hex(), card.maskedCard(), card.lockedAt().toString());
  }
}
