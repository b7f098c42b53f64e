// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DigitRequestTest {

  @Test
  void argumentsAreReadByPosition() {
    assertEquals(
        new DigitRequest(
            4, 4, 1, "#", "/p/en/enter-pin.wav", "silence_stream://250", "pb_secret", "[0-9*#]+"),
        DigitRequest.parse(
            "4 4 1 10000 # /p/en/enter-pin.wav silence_stream://250 pb_secret [0-9*#]+ 10000"));
    assertNull(DigitRequest.parse("4 4 1 10000 #"));
    assertNull(DigitRequest.parse("four 4 1 10000 # a b c d"));
  }

  @Test
  void aMaximumBelowTheMinimumIsTheMinimumAsInModDptools() {
    DigitRequest request = DigitRequest.parse("4 2 1 5000 # f g v x");
    assertEquals(4, request.max());
  }
}
