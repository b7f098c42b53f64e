// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.util.Arrays;
import java.util.Objects;

/**
 * ISO 9564-1 format 0 (ANSI X9.8) clear PIN blocks. The PIN field {@code 0 L P P P P F … F} is
 * XORed with the PAN field {@code 0000} + the 12 right-most PAN digits excluding the check digit.
 * Example: PAN {@code 43219876543210987}, PIN {@code 1234}: {@code 041234FFFFFFFFFF} XOR {@code
 * 0000987654321098} = {@code 0412AC89ABCDEF67}.
 */
public final class PinBlockFormat0 {

  private static final int MIN_PIN = 4;
  private static final int MAX_PIN = 12;
  private static final int MIN_PAN = 13;
  private static final int MAX_PAN = 19;

  private PinBlockFormat0() {}

  /** The 8-byte clear block; the caller wipes it after enciphering. */
  public static byte[] clearBlock(char[] pin, String pan) {
    Objects.requireNonNull(pin, "PIN is required.");
    if (pin.length < MIN_PIN || pin.length > MAX_PIN || !allDigits(pin)) {
      throw new IllegalArgumentException("A format 0 PIN must be 4 to 12 digits.");
    }
    byte[] pinField = new byte[8];
    Arrays.fill(pinField, (byte) 0xFF);
    try {
      setNibble(pinField, 0, 0);
      setNibble(pinField, 1, pin.length);
      for (int i = 0; i < pin.length; i++) {
        setNibble(pinField, 2 + i, pin[i] - '0');
      }
      byte[] block = panField(pan);
      for (int i = 0; i < block.length; i++) {
        block[i] ^= pinField[i];
      }
      return block;
    } finally {
      Arrays.fill(pinField, (byte) 0);
    }
  }

  /**
   * The PIN digits in a clear block, for the issuer side; the caller wipes them.
   *
   * @throws IllegalArgumentException when the block is not a format 0 block for this PAN (wrong key
   *     or PAN)
   */
  public static char[] pinDigits(byte[] clearBlock, String pan) {
    Objects.requireNonNull(clearBlock, "PIN block is required.");
    if (clearBlock.length != PinBlock.LENGTH) {
      throw new IllegalArgumentException("A format 0 PIN block is 8 bytes.");
    }
    byte[] pinField = panField(pan);
    try {
      for (int i = 0; i < pinField.length; i++) {
        pinField[i] ^= clearBlock[i];
      }
      int length = nibble(pinField, 1);
      if (nibble(pinField, 0) != 0 || length < MIN_PIN || length > MAX_PIN) {
        throw new IllegalArgumentException("Not a format 0 PIN block.");
      }
      char[] pin = new char[length];
      for (int i = 0; i < 14; i++) {
        int value = nibble(pinField, 2 + i);
        boolean valid = i < length ? value <= 9 : value == 0xF;
        if (!valid) {
          Arrays.fill(pin, '\0');
          throw new IllegalArgumentException("Not a format 0 PIN block.");
        }
        if (i < length) {
          pin[i] = (char) ('0' + value);
        }
      }
      return pin;
    } finally {
      Arrays.fill(pinField, (byte) 0);
    }
  }

  /** {@code 0000} + the 12 PAN digits left of the check digit, as 8 bytes. */
  private static byte[] panField(String pan) {
    Objects.requireNonNull(pan, "PAN is required.");
    if (pan.length() < MIN_PAN
        || pan.length() > MAX_PAN
        || !pan.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("A PAN must be 13 to 19 digits.");
    }
    String twelve = pan.substring(pan.length() - 13, pan.length() - 1);
    byte[] field = new byte[8];
    for (int i = 0; i < twelve.length(); i++) {
      setNibble(field, 4 + i, twelve.charAt(i) - '0');
    }
    return field;
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
