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
   * Takes one PIN try before a guess is sent to the switch, checked and counted in one atomic step
   * against every call on the card at once: false when the card is locked, or when its wrong PINs
   * and the tries other calls hold unanswered already reach {@code limit}; then the guess must not
   * be sent. A try taken is settled by {@link #wrongPin}, {@link #rightPin} or {@link #returnTry}.
   */
  boolean takeTry(CardNumber card, int limit);

  /**
   * A try on {@code card} against {@code limit}, not yet taken: the journal takes it with the
   * guess's entry and settles it with the answer, each in that write's own transaction ({@link
   * PinTry}), by the same rules as {@link #takeTry}, {@link #rightPin}, {@link #wrongPin} and
   * {@link #returnTry}.
   */
  PinTry pinTry(CardNumber card, int limit);

  /**
   * Counts a wrong PIN (settling a try taken, if any); when the consecutive count reaches {@code
   * limit} the card is locked. Returns the state after counting.
   */
  LockoutState wrongPin(CardNumber card, int limit);

  /**
   * A right PIN clears the count of a card that is not locked. False when the card is locked (by
   * another call's wrong PINs while this guess was on its way): the right PIN must then not be
   * accepted.
   */
  boolean rightPin(CardNumber card);

  /** Gives back a try taken whose guess got no verdict (switch unreachable, card unknown). */
  void returnTry(CardNumber card);

  /** Cards locked now, newest first. */
  List<LockedCard> locked();

  /** An officer lifts the lock; false when that card was not locked. */
  boolean unlock(CardFingerprint card, String officer);
}
