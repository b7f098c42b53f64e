// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PinBlockFormat0Test {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void workedExampleFromIso9564GivesTheKnownClearBlock() {
    byte[] block = PinBlockFormat0.clearBlock("1234".toCharArray(), "43219876543210987");

    assertEquals("0412AC89ABCDEF67", HEX.formatHex(block));
  }

  @Test
  void panFieldTakesTwelveDigitsLeftOfTheCheckDigit() {
    // Same 12 digits before the check digit, different leading digits and check digit: same block.
    byte[] a = PinBlockFormat0.clearBlock("7391".toCharArray(), "6037991234567893");
    byte[] b = PinBlockFormat0.clearBlock("7391".toCharArray(), "1237991234567890");
    byte[] c = PinBlockFormat0.clearBlock("7391".toCharArray(), "6037991234567883");

    assertArrayEquals(a, b);
    assertEquals(false, HEX.formatHex(a).equals(HEX.formatHex(c)));
  }

  @Test
  void pinDigitsComeBackOutOfTheClearBlock() {
    byte[] block = PinBlockFormat0.clearBlock("123456789012".toCharArray(), "6037991234567893");

    assertArrayEquals(
        "123456789012".toCharArray(), PinBlockFormat0.pinDigits(block, "6037991234567893"));
  }

  @Test
  void blockForAnotherCardIsNotAcceptedAsFormatZero() {
    byte[] block = PinBlockFormat0.clearBlock("1234".toCharArray(), "6037991234567893");

    assertThrows(
        IllegalArgumentException.class, () -> PinBlockFormat0.pinDigits(block, "6104337654321098"));
  }

  @Test
  void pinsOutsideFourToTwelveDigitsAreRefused() {
    String pan = "43219876543210987";
    assertThrows(
        IllegalArgumentException.class, () -> PinBlockFormat0.clearBlock("123".toCharArray(), pan));
    assertThrows(
        IllegalArgumentException.class,
        () -> PinBlockFormat0.clearBlock("1234567890123".toCharArray(), pan));
    assertThrows(
        IllegalArgumentException.class,
        () -> PinBlockFormat0.clearBlock("12a4".toCharArray(), pan));
  }
}
