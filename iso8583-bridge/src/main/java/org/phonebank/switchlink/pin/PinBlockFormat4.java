// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;

/**
 * ISO 9564-1:2017 format 4 PIN blocks for AES (16 bytes).
 *
 * <ul>
 *   <li>Plain PIN field, 32 nibbles: {@code 4}, PIN length, PIN digits, fill {@code A} up to nibble
 *       16, then 16 random nibbles.
 *   <li>PAN field, 32 nibbles: PAN length minus 12 (0–7), the whole PAN, then {@code 0} fill.
 *   <li>Enciphered block = E(E(PIN field) XOR PAN field) under the AES zone PIN key; deciphering
 *       reverses it.
 * </ul>
 *
 * Example: PIN {@code 1234}, PAN {@code 4321987654321098} gives the PIN field {@code
 * 441234AAAAAAAAAA} + random and the PAN field {@code 44321987654321098000000000000000}.
 */
public final class PinBlockFormat4 {

  public static final int LENGTH = 16;

  private static final int MIN_PIN = 4;
  private static final int MAX_PIN = 12;
  private static final int MIN_PAN = 12;
  private static final int MAX_PAN = 19;
  private static final int CONTROL = 4;
  private static final int FILL = 0xA;

  private PinBlockFormat4() {}

  /**
   * The clear PIN field; {@code random} supplies the 8 random bytes. The caller wipes the result.
   */
  public static byte[] pinField(char[] pin, byte[] random) {
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(random, "Random fill is required.");
    if (pin.length < MIN_PIN || pin.length > MAX_PIN || !allDigits(pin)) {
      throw new IllegalArgumentException("A format 4 PIN must be 4 to 12 digits.");
    }
    if (random.length != 8) {
      throw new IllegalArgumentException("Format 4 needs 8 random bytes.");
    }
    byte[] field = new byte[LENGTH];
    setNibble(field, 0, CONTROL);
    setNibble(field, 1, pin.length);
    for (int i = 0; i < 14; i++) {
      setNibble(field, 2 + i, i < pin.length ? pin[i] - '0' : FILL);
    }
    System.arraycopy(random, 0, field, 8, 8);
    return field;
  }

  /** The PAN field: length indicator, PAN, zero fill. */
  public static byte[] panField(String pan) {
    Objects.requireNonNull(pan, "PAN is required.");
    if (pan.length() < MIN_PAN
        || pan.length() > MAX_PAN
        || !pan.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("A PAN must be 12 to 19 digits.");
    }
    byte[] field = new byte[LENGTH];
    setNibble(field, 0, pan.length() - 12);
    for (int i = 0; i < pan.length(); i++) {
      setNibble(field, 1 + i, pan.charAt(i) - '0');
    }
    return field;
  }

  /** Enciphers: E(E(pinField) XOR panField). Neither input is kept. */
  public static byte[] encipher(byte[] pinField, String pan, BlockCipher aesEncrypt) {
    byte[] intermediate = new byte[LENGTH];
    byte[] panField = panField(pan);
    byte[] out = new byte[LENGTH];
    try {
      aesEncrypt.processBlock(pinField, 0, intermediate, 0);
      for (int i = 0; i < LENGTH; i++) {
        intermediate[i] ^= panField[i];
      }
      aesEncrypt.processBlock(intermediate, 0, out, 0);
      return out;
    } finally {
      Arrays.fill(intermediate, (byte) 0);
    }
  }

  /**
   * The PIN digits in an enciphered block; the caller wipes them.
   *
   * @throws IllegalArgumentException when the block does not decipher to a format 4 PIN field
   *     (wrong key or PAN)
   */
  public static char[] pinDigits(byte[] enciphered, String pan, BlockCipher aesDecrypt) {
    Objects.requireNonNull(enciphered, "PIN block is required.");
    if (enciphered.length != LENGTH) {
      throw new IllegalArgumentException("A format 4 PIN block is 16 bytes.");
    }
    byte[] intermediate = new byte[LENGTH];
    byte[] field = new byte[LENGTH];
    byte[] panField = panField(pan);
    try {
      aesDecrypt.processBlock(enciphered, 0, intermediate, 0);
      for (int i = 0; i < LENGTH; i++) {
        intermediate[i] ^= panField[i];
      }
      aesDecrypt.processBlock(intermediate, 0, field, 0);
      return digitsOf(field);
    } finally {
      Arrays.fill(intermediate, (byte) 0);
      Arrays.fill(field, (byte) 0);
    }
  }

  /** The PIN digits of a clear PIN field, after checking its structure. */
  static char[] digitsOf(byte[] field) {
    int length = nibble(field, 1);
    if (nibble(field, 0) != CONTROL || length < MIN_PIN || length > MAX_PIN) {
      throw new IllegalArgumentException("Not a format 4 PIN block.");
    }
    char[] pin = new char[length];
    for (int i = 0; i < 14; i++) {
      int value = nibble(field, 2 + i);
      boolean valid = i < length ? value <= 9 : value == FILL;
      if (!valid) {
        Arrays.fill(pin, '\0');
        throw new IllegalArgumentException("Not a format 4 PIN block.");
      }
      if (i < length) {
        pin[i] = (char) ('0' + value);
      }
    }
    return pin;
  }

  private static boolean allDigits(char[] digits) {
    for (char c : digits) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int nibble(byte[] bytes, int index) {
    int b = bytes[index / 2] & 0xFF;
    return index % 2 == 0 ? b >>> 4 : b & 0x0F;
  }

  private static void setNibble(byte[] bytes, int index, int value) {
    int b = bytes[index / 2] & 0xFF;
    b = index % 2 == 0 ? (b & 0x0F) | (value << 4) : (b & 0xF0) | value;
    bytes[index / 2] = (byte) b;
  }
}
