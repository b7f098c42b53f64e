// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitRequestTest {

  private static final DigitRequest PIN =
      DigitRequest.parse(
          "4 4 1 10000 # /p/en/enter-pin.wav silence_stream://250 pb_secret [0-9*#]+ 10000");

  @Test
  void argumentsAreReadByPosition() {
    assertEquals(new DigitRequest(4, 4, "/p/en/enter-pin.wav", "pb_secret", "[0-9*#]+"), PIN);
    assertNull(DigitRequest.parse("4 4 1 10000 #"));
    assertNull(DigitRequest.parse("four 4 1 10000 # a b c d"));
  }

  @Test
  void collectionStopsAtMaxKeysAndNeedsMinKeys() {
    assertEquals("1234", PIN.collected("123456"));
    assertTrue(PIN.accepts("1234"));
    assertFalse(PIN.accepts("123"));
  }

  @Test
  void onlyAOneKeyMenuChoiceIsNamedInTheTranscript() {
    DigitRequest menu = new DigitRequest(1, 1, "f", "pb_digits", "[0-9*#]+");
    assertEquals("presses 2", menu.describe("2", false));
    assertEquals("keys 4 digits", PIN.describe("7391", false));
    assertEquals("keys a secret (1 keys)", menu.describe("2", true));
  }
}
