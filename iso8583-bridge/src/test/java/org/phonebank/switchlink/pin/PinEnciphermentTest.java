// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.keys.ZoneKey;

class PinEnciphermentTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String KEY = "0123456789ABCDEFFEDCBA9876543210";
  private static final CardNumber CARD = new CardNumber("6037991234567893");

  @Test
  void encipheredBlockDeciphersToTheSamePin() {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        TelephonePin pin = TelephonePin.of("7391".toCharArray());
        PinBlock block = PinEncipherment.encipher(pin, CARD, zpk)) {

      assertArrayEquals("7391".toCharArray(), PinEncipherment.decipher(block, CARD, zpk));
    }
  }

  @Test
  void blockIsTheClearBlockUnderTwoKeyTripleDesAsTheJdkComputesIt() throws Exception {
    byte[] clear = PinBlockFormat0.clearBlock("7391".toCharArray(), CARD.digits());
    // An independent implementation: the JDK's own DESede with the K1 K2 K1 form of the
    // double-length key.
    Cipher jdk = Cipher.getInstance("DESede/ECB/NoPadding", "SunJCE");
    jdk.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(HEX.parseHex(KEY + KEY.substring(0, 16)), "DESede"));
    byte[] expected = jdk.doFinal(clear);

    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        TelephonePin pin = TelephonePin.of("7391".toCharArray());
        PinBlock block = PinEncipherment.encipher(pin, CARD, zpk)) {

      assertArrayEquals(expected, block.bytes());
      assertFalse(HEX.formatHex(clear).equals(HEX.formatHex(block.bytes())));
    }
  }

  @Test
  void blockUnderAnotherKeyIsRejectedOrGivesAnotherPin() {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        ZoneKey other = ZoneKey.of(HEX.parseHex("FEDCBA98765432100123456789ABCDEF"));
        TelephonePin pin = TelephonePin.of("7391".toCharArray());
        PinBlock block = PinEncipherment.encipher(pin, CARD, zpk)) {

      try {
        char[] digits = PinEncipherment.decipher(block, CARD, other);
        assertFalse(new String(digits).equals("7391"));
      } catch (IllegalArgumentException expected) {
        assertEquals("Not a format 0 PIN block.", expected.getMessage());
      }
    }
  }

  @Test
  void closedPinBlockIsWiped() {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        TelephonePin pin = TelephonePin.of("7391".toCharArray())) {
      PinBlock block = PinEncipherment.encipher(pin, CARD, zpk);
      block.close();

      assertArrayEquals(new byte[8], block.bytes());
    }
  }

  @Test
  void wipedPinCannotBeEnciphered() {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY))) {
      TelephonePin pin = TelephonePin.of("7391".toCharArray());
      pin.close();

      assertThrows(IllegalStateException.class, () -> PinEncipherment.encipher(pin, CARD, zpk));
    }
  }
}
