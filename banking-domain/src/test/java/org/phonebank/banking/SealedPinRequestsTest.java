// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.testing.MaskingPinSealer;

class SealedPinRequestsTest {

  private static final TransactionIds IDS =
      new TransactionIds(new Stan(1), new Rrn("000000000001"), Instant.EPOCH);
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final CardNumber OTHER = new CardNumber("5892101234567895");

  @Test
  void aRequestCarriesOnlyAPinSealedForItsOwnCard() {
    SealedPin forOther = MaskingPinSealer.sealed("7391", OTHER);
    SealedPin forCard = MaskingPinSealer.sealed("7391", CARD);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new BalanceInquiry(IDS, CARD, forOther));
    assertEquals("PIN was sealed for another card.", refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PinChange(IDS, CARD, forCard, forOther));
    assertEquals(forCard, new BalanceInquiry(IDS, CARD, forCard).pin());
  }
}
