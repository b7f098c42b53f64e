// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.lockout;

import java.util.List;
import org.phonebank.card.CardFingerprint;
import org.phonebank.card.CardNumber;

/**
 * Telephone-channel lockout after too many wrong PINs. It is kept durably (it must survive a
 * restart) and only an officer lifts it. Stores recognise a card by its fingerprint and show it
 * masked, never in clear.
 */
public interface CardLockouts {

  /** True when the card is locked for the phone channel. */
  boolean isLocked(CardNumber card);

  /**
   * Counts a wrong PIN; when the consecutive count reaches {@code limit} the card is locked.
   * Returns the state after counting.
   */
  LockoutState wrongPin(CardNumber card, int limit);

  /** A right PIN clears the count of a card that is not locked. */
  void rightPin(CardNumber card);

  /** Cards locked now, newest first. */
  List<LockedCard> locked();

  /** An officer lifts the lock; false when that card was not locked. */
  boolean unlock(CardFingerprint card, String officer);
}
