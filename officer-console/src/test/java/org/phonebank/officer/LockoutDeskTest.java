// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;
import org.phonebank.testing.InMemoryCardLockouts;

class LockoutDeskTest {

  private final CardNumber card = new CardNumber("6037991234567893");
  private final InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
  private final LockoutDesk desk = new LockoutDesk(lockouts);

  @Test
  void anOfficerSeesALockedCardMaskedAndUnlocksIt() {
    lockouts.wrongPin(card, 1);
    assertEquals("603799******7893", desk.locked().get(0).maskedCard());
    String fingerprint = desk.locked().get(0).fingerprint().hex();

    assertEquals(LockoutDesk.Unlock.UNLOCKED, desk.unlock(fingerprint, "officer-1"));
    assertFalse(lockouts.isLocked(card));
    assertTrue(desk.locked().isEmpty());
  }

  @Test
  void unlockingACardThatIsNotLockedSaysSo() {
    lockouts.wrongPin(card, 1);
    String fingerprint = desk.locked().get(0).fingerprint().hex();
    desk.unlock(fingerprint, "officer-1");
    assertEquals(LockoutDesk.Unlock.NOT_LOCKED, desk.unlock(fingerprint, "officer-1"));
  }

  @Test
  void somethingThatIsNotAFingerprintIsRefusedNotLookedUp() {
    assertEquals(
        LockoutDesk.Unlock.NOT_A_FINGERPRINT, desk.unlock("6037991234567893", "officer-1"));
    assertEquals(LockoutDesk.Unlock.NOT_A_FINGERPRINT, desk.unlock("../../etc", "officer-1"));
  }

  @Test
  void anUnlockWithoutAnOfficerNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> desk.unlock("a".repeat(64), " "));
  }
}
