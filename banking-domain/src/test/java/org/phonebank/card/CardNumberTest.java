// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CardNumberTest {

  @Test
  void checkDigitCompletesKnownCards() {
    assertEquals('3', CardNumber.checkDigit("603799123456789"));
    assertEquals('1', CardNumber.checkDigit("603799765432109"));
  }

  @Test
  void acceptsALuhnValidShetabCard() {
    assertEquals("603799", new CardNumber("6037991234567893").bin());
  }

  @Test
  void printsOnlyTheFirstSixAndLastFourDigits() {
    CardNumber card = new CardNumber("6037991234567893");
    assertEquals("603799******7893", card.toString());
    assertFalse(String.valueOf(card).contains("123456"));
  }

  @Test
  void rejectsAWrongCheckDigit() {
    assertThrows(IllegalArgumentException.class, () -> new CardNumber("6037991234567894"));
    assertFalse(CardNumber.isValid("6037991234567894"));
  }

  @Test
  void rejectsFifteenOrSeventeenDigitsAndLetters() {
    assertThrows(IllegalArgumentException.class, () -> new CardNumber("603799123456789"));
    assertThrows(IllegalArgumentException.class, () -> new CardNumber("60379912345678930"));
    assertThrows(IllegalArgumentException.class, () -> new CardNumber("60379912345678a3"));
    assertFalse(CardNumber.isValid(null));
  }
}
