// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardFingerprint;
import org.phonebank.card.CardNumber;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.lockout.LockedCard;
import org.phonebank.lockout.LockoutState;

/**
 * The rules of the {@link CardLockouts} port that every implementation keeps, the in-memory fake
 * included.
 */
abstract class CardLockoutsContract {

  static final CardNumber CARD = new CardNumber("6037991234567893");
  static final CardNumber OTHER_CARD = new CardNumber("6104337812345674");
  static final int LIMIT = 3;

  protected CardLockouts lockouts;

  abstract CardLockouts newLockouts();

  @BeforeEach
  void startWithNoLockouts() {
    lockouts = newLockouts();
  }

  void wrongPins(CardNumber card, int times) {
    for (int i = 0; i < times; i++) {
      lockouts.wrongPin(card, LIMIT);
    }
  }

  CardFingerprint lockedFingerprint() {
    List<LockedCard> locked = lockouts.locked();
    assertEquals(1, locked.size());
    return locked.get(0).fingerprint();
  }

  @Test
  void wrongPinsBelowTheLimitAreCountedWithoutLocking() {
    assertEquals(new LockoutState(1, false), lockouts.wrongPin(CARD, LIMIT));
    assertEquals(new LockoutState(2, false), lockouts.wrongPin(CARD, LIMIT));

    assertFalse(lockouts.isLocked(CARD));
    assertEquals(List.of(), lockouts.locked());
  }

  @Test
  void wrongPinThreeTimesLocksTheCard() {
    wrongPins(CARD, 2);

    assertEquals(new LockoutState(3, true), lockouts.wrongPin(CARD, LIMIT));

    assertTrue(lockouts.isLocked(CARD));
    LockedCard locked = lockouts.locked().get(0);
    assertEquals("603799******7893", locked.maskedCard());
  }

  @Test
  void aLockedCardStaysLockedWhateverIsTypedNext() {
    wrongPins(CARD, LIMIT);

    assertTrue(lockouts.wrongPin(CARD, LIMIT).locked());
    assertFalse(lockouts.rightPin(CARD), "a right PIN is not accepted once the card is locked");

    assertTrue(lockouts.isLocked(CARD));
    assertFalse(lockouts.takeTry(CARD, LIMIT), "no guess of a locked card may be sent");
  }

  @Test
  void triesTakenButNotAnsweredCountAgainstTheLimit() {
    for (int i = 0; i < LIMIT; i++) {
      assertTrue(lockouts.takeTry(CARD, LIMIT));
    }

    assertFalse(lockouts.takeTry(CARD, LIMIT));
    assertFalse(lockouts.isLocked(CARD), "held tries do not lock: only wrong PINs do");
  }

  @Test
  void aTryWithoutAVerdictIsGivenBackAndAWrongOneIsKept() {
    assertTrue(lockouts.takeTry(CARD, LIMIT));
    lockouts.returnTry(CARD);
    assertTrue(lockouts.takeTry(CARD, LIMIT));
    assertEquals(new LockoutState(1, false), lockouts.wrongPin(CARD, LIMIT));
    assertTrue(lockouts.takeTry(CARD, LIMIT));
    assertTrue(lockouts.takeTry(CARD, LIMIT));

    assertFalse(lockouts.takeTry(CARD, LIMIT), "one wrong PIN and two held tries use all three");
    assertTrue(lockouts.rightPin(CARD));
    assertTrue(lockouts.takeTry(CARD, LIMIT), "a right PIN gives every try back");
  }

  @Test
  void aRightPinClearsTheCountOfACardThatIsNotLocked() {
    wrongPins(CARD, 2);

    assertTrue(lockouts.rightPin(CARD));

    assertEquals(new LockoutState(1, false), lockouts.wrongPin(CARD, LIMIT));
  }

  @Test
  void eachCardHasItsOwnCount() {
    wrongPins(CARD, 2);

    assertEquals(new LockoutState(1, false), lockouts.wrongPin(OTHER_CARD, LIMIT));
    assertTrue(lockouts.wrongPin(CARD, LIMIT).locked());
    assertFalse(lockouts.isLocked(OTHER_CARD));
  }

  @Test
  void anOfficerLiftsTheLockAndTheCountStartsAgain() {
    wrongPins(CARD, LIMIT);

    assertTrue(lockouts.unlock(lockedFingerprint(), "officer.rahimi"));

    assertFalse(lockouts.isLocked(CARD));
    assertEquals(List.of(), lockouts.locked());
    assertEquals(new LockoutState(1, false), lockouts.wrongPin(CARD, LIMIT));
  }

  @Test
  void unlockingACardThatIsNotLockedAnswersFalse() {
    wrongPins(CARD, LIMIT);
    CardFingerprint fingerprint = lockedFingerprint();
    lockouts.unlock(fingerprint, "officer.rahimi");

    assertFalse(lockouts.unlock(fingerprint, "officer.karimi"));
  }
}
