// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import java.util.List;
import java.util.Objects;
import org.phonebank.card.CardFingerprint;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.lockout.LockedCard;

/**
 * What an officer does with cards locked out of the phone channel: see them (masked) and lift a
 * lock after checking the caller's identity by other means. Free of HTTP so it is tested without a
 * server.
 */
public final class LockoutDesk {

  /** What became of an unlock request. */
  public enum Unlock {
    UNLOCKED,
    NOT_LOCKED,
    NOT_A_FINGERPRINT
  }

  private final CardLockouts lockouts;

  public LockoutDesk(CardLockouts lockouts) {
    this.lockouts = Objects.requireNonNull(lockouts, "Lockouts are required.");
  }

  public List<LockedCard> locked() {
    return lockouts.locked();
  }

  public Unlock unlock(String fingerprint, String officer) {
    if (officer == null || officer.isBlank()) {
      throw new IllegalArgumentException("An unlock is always made by a named officer.");
    }
    CardFingerprint card;
    try {
      card = new CardFingerprint(fingerprint);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Unlock.NOT_A_FINGERPRINT;
    }
    return lockouts.unlock(card, officer) ? Unlock.UNLOCKED : Unlock.NOT_LOCKED;
  }
}
