// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.testing.ByteSearch.contains;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.testing.MaskingPinSealer;

class SealedPinBlockTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String KEY = "0123456789ABCDEFFEDCBA9876543210";
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final CardNumber OTHER = new CardNumber("5892101234567895");
  private static final Object SEALER = new Object();

  private static SealedPinBlock sealed(ZoneKey zpk, String digits) {
    try (TelephonePin pin = TelephonePin.of(digits.toCharArray())) {
      return new SealedPinBlock(PinEncipherment.encipher(pin, CARD, zpk), CARD, SEALER);
    }
  }

  @Test
  void theHandleHoldsOnlyTheEncipheredBlockAndNoPinDigits() throws Exception {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        SealedPinBlock handle = sealed(zpk, "7391")) {
      byte[] enciphered = bytesOf(handle);

      assertEquals(PinBlock.LENGTH, enciphered.length);
      assertFalse(contains(enciphered, "7391".getBytes(StandardCharsets.US_ASCII)));
      assertFalse(contains(enciphered, HEX.parseHex("047391FF")), "the clear format 0 field");
      assertFalse(handle.toString().contains("7391"));
      assertFalse(handle.toString().contains(HEX.formatHex(enciphered)));
      // Every later request deciphers to the PIN keyed once.
      PinBlock block = SealedPinBlock.blockOf(handle, CARD, SEALER);
      assertArrayEquals("7391".toCharArray(), PinEncipherment.decipher(block, CARD, zpk));
    }
  }

  @Test
  void closingTheHandleZeroesTheBlockAndNoRequestCanUseItAfter() throws Exception {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY))) {
      SealedPinBlock handle = sealed(zpk, "7391");
      byte[] enciphered = bytesOf(handle);

      handle.close();

      assertTrue(handle.isWiped());
      assertArrayEquals(new byte[PinBlock.LENGTH], enciphered);
      assertThrows(IllegalStateException.class, () -> SealedPinBlock.blockOf(handle, CARD, SEALER));
    }
  }

  @Test
  void aHandleOfAnotherSealerOrCardIsRefused() {
    try (ZoneKey zpk = ZoneKey.of(HEX.parseHex(KEY));
        SealedPinBlock handle = sealed(zpk, "7391")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> SealedPinBlock.blockOf(handle, CARD, new Object()),
          "sealed under another link's keys");
      assertThrows(
          IllegalArgumentException.class, () -> SealedPinBlock.blockOf(handle, OTHER, SEALER));
      assertThrows(
          IllegalArgumentException.class,
          () -> SealedPinBlock.blockOf(MaskingPinSealer.sealed("7391", CARD), CARD, SEALER));
    }
  }

  /** The block's own array, as the handle holds it (not a copy). */
  private static byte[] bytesOf(SealedPinBlock handle) throws Exception {
    Field block = SealedPinBlock.class.getDeclaredField("block");
    block.setAccessible(true);
    Field bytes = PinBlock.class.getDeclaredField("enciphered");
    bytes.setAccessible(true);
    return (byte[]) bytes.get(block.get(handle));
  }
}
