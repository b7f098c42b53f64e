// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.keys.AesKey;
import org.phonebank.switchlink.keys.ZoneKey;

/**
 * Enciphers a format 0 PIN block under the TDES zone PIN key (single-block ECB), or a format 4
 * block under the AES zone PIN key, and the reverse for the issuer side. The clear block lives only
 * inside these methods and is zeroed before they return.
 */
public final class PinEncipherment {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PinEncipherment() {}

  public static PinBlock encipher(TelephonePin pin, CardNumber card, ZoneKey pinKey) {
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pinKey, "PIN key is required.");
    byte[] clear = pin.reveal(digits -> PinBlockFormat0.clearBlock(digits, card.digits()));
    byte[] enciphered = new byte[PinBlock.LENGTH];
    try {
      process(pinKey.cipher(true), clear, enciphered);
      return PinBlock.of(enciphered);
    } finally {
      Arrays.fill(clear, (byte) 0);
      Arrays.fill(enciphered, (byte) 0);
    }
  }

  /**
   * The PIN digits inside an enciphered block; the caller wipes them.
   *
   * @throws IllegalArgumentException when the block does not decipher to a format 0 block for this
   *     card
   */
  public static char[] decipher(PinBlock block, CardNumber card, ZoneKey pinKey) {
    Objects.requireNonNull(block, "PIN block is required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pinKey, "PIN key is required.");
    byte[] enciphered = block.bytes();
    if (enciphered.length != PinBlock.LENGTH) {
      Arrays.fill(enciphered, (byte) 0);
      throw new IllegalArgumentException("A format 0 PIN block is 8 bytes.");
    }
    byte[] clear = new byte[PinBlock.LENGTH];
    try {
      process(pinKey.cipher(false), enciphered, clear);
      return PinBlockFormat0.pinDigits(clear, card.digits());
    } finally {
      Arrays.fill(clear, (byte) 0);
      Arrays.fill(enciphered, (byte) 0);
    }
  }

  /** A format 4 block under the AES zone PIN key, with fresh random fill. */
  public static PinBlock encipherFormat4(TelephonePin pin, CardNumber card, AesKey pinKey) {
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pinKey, "PIN key is required.");
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    byte[] field = pin.reveal(digits -> PinBlockFormat4.pinField(digits, random));
    byte[] enciphered = null;
    try {
      enciphered = PinBlockFormat4.encipher(field, card.digits(), pinKey.cipher(true));
      return PinBlock.of(enciphered);
    } finally {
      Arrays.fill(field, (byte) 0);
      Arrays.fill(random, (byte) 0);
      if (enciphered != null) {
        Arrays.fill(enciphered, (byte) 0);
      }
    }
  }

  /**
   * The PIN digits inside a format 4 block; the caller wipes them.
   *
   * @throws IllegalArgumentException when the block does not decipher to a format 4 block for this
   *     card
   */
  public static char[] decipherFormat4(PinBlock block, CardNumber card, AesKey pinKey) {
    Objects.requireNonNull(block, "PIN block is required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pinKey, "PIN key is required.");
    byte[] enciphered = block.bytes();
    try {
      return PinBlockFormat4.pinDigits(enciphered, card.digits(), pinKey.cipher(false));
    } finally {
      Arrays.fill(enciphered, (byte) 0);
    }
  }

  private static void process(BlockCipher cipher, byte[] in, byte[] out) {
    cipher.processBlock(in, 0, out, 0);
  }
}
