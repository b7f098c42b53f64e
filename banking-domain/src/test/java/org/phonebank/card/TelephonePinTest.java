// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TelephonePinTest {

  @Test
  void neverPrintsItsDigits() {
    TelephonePin pin = TelephonePin.of("7391".toCharArray());
    assertFalse(pin.toString().contains("7391"));
  }

  @Test
  void lendsItsDigitsAndWipesTheLoanedCopy() {
    TelephonePin pin = TelephonePin.of("7391".toCharArray());
    char[][] seen = new char[1][];
    String read =
        pin.reveal(
            d -> {
              seen[0] = d;
              return new String(d);
            });
    assertEquals("7391", read);
    assertArrayEquals(new char[4], seen[0]);
  }

  @Test
  void cannotBeReadOnceClosed() {
    TelephonePin pin = TelephonePin.of("7391".toCharArray());
    pin.close();
    assertThrows(IllegalStateException.class, () -> pin.reveal(String::new));
  }

  @Test
  void rejectsShortLongAndNonDigitPins() {
    assertThrows(IllegalArgumentException.class, () -> TelephonePin.of("123".toCharArray()));
    assertThrows(
        IllegalArgumentException.class, () -> TelephonePin.of("1234567890123".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> TelephonePin.of("12*4".toCharArray()));
  }
}
