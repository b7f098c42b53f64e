// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.keys.AesKey;

/**
 * Format 4 against a vector worked by hand from ISO 9564-1:2017 as DOMAIN.md §2.2 states it,
 * checked with the JDK's own AES (not Bouncy Castle's engine the code uses).
 */
class PinBlockFormat4Test {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final byte[] KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
  private static final byte[] RANDOM = HEX.parseHex("0123456789ABCDEF");
  private static final String PAN = "4321987654321098";

  /** 4 (control), 4 (length), 1 2 3 4, ten A fill nibbles, then the 8 random bytes. */
  private static final String PIN_FIELD = "441234AAAAAAAAAA0123456789ABCDEF";

  /** 4 (= 16 - 12), the 16 PAN digits, then 15 zero nibbles. */
  private static final String PAN_FIELD = "44321987654321098000000000000000";

  /** AES(AES(PIN field) XOR PAN field), worked out with openssl enc -aes-128-ecb -nopad. */
  private static final String ENCIPHERED = "2A12702B895C244D62E372ACBF1B9E07";

  @Test
  void pinFieldHasControlFourLengthDigitsFillAndRandom() {
    assertEquals(PIN_FIELD, HEX.formatHex(PinBlockFormat4.pinField("1234".toCharArray(), RANDOM)));
  }

  @Test
  void panFieldCarriesTheWholePanBehindItsLengthIndicator() {
    assertEquals(PAN_FIELD, HEX.formatHex(PinBlockFormat4.panField(PAN)));
    assertEquals(
        "0123456789012000" + "0000000000000000",
        HEX.formatHex(PinBlockFormat4.panField("123456789012")));
    assertEquals(
        "76037991234567890123000000000000",
        HEX.formatHex(PinBlockFormat4.panField("6037991234567890123")));
  }

  @Test
  void enciphersToTheKnownAnswer() {
    try (AesKey key = AesKey.of(KEY)) {
      byte[] block =
          PinBlockFormat4.encipher(
              PinBlockFormat4.pinField("1234".toCharArray(), RANDOM), PAN, key.cipher(true));

      assertEquals(ENCIPHERED, HEX.formatHex(block));
    }
  }

  @Test
  void jdkAesDecipherRecoversThePinFieldStepByStep() throws Exception {
    Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"));
    byte[] intermediate = aes.doFinal(HEX.parseHex(ENCIPHERED));
    byte[] panField = HEX.parseHex(PAN_FIELD);
    for (int i = 0; i < 16; i++) {
      intermediate[i] ^= panField[i];
    }

    assertEquals(PIN_FIELD, HEX.formatHex(aes.doFinal(intermediate)));
  }

  @Test
  void decipheringGivesTheDigitsBackAndRejectsAnotherCard() {
    try (AesKey key = AesKey.of(KEY)) {
      assertArrayEquals(
          "1234".toCharArray(),
          PinBlockFormat4.pinDigits(HEX.parseHex(ENCIPHERED), PAN, key.cipher(false)));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              PinBlockFormat4.pinDigits(
                  HEX.parseHex(ENCIPHERED), "4321987654321099", key.cipher(false)));
    }
  }

  @Test
  void encipheringATelephonePinRoundTripsWithFreshRandomFillEachTime() {
    CardNumber card = new CardNumber("6037991234567893");
    try (AesKey key = AesKey.of(KEY);
        TelephonePin pin = TelephonePin.of("864209".toCharArray());
        PinBlock first = PinEncipherment.encipherFormat4(pin, card, key);
        PinBlock second = PinEncipherment.encipherFormat4(pin, card, key)) {
      assertEquals(16, first.bytes().length);
      assertNotEquals(HEX.formatHex(first.bytes()), HEX.formatHex(second.bytes()));
      assertArrayEquals("864209".toCharArray(), PinEncipherment.decipherFormat4(first, card, key));
    }
  }
}
