// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The caller's telephone PIN, held as a {@code char[]} so it can be wiped, and never printable. It
 * is read only to build an encrypted ISO 9564 PIN block; {@link #close()} wipes it, and a closed
 * PIN cannot be read.
 */
public final class TelephonePin implements AutoCloseable {

  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 12;

  private final char[] digits;
  private boolean wiped;

  private TelephonePin(char[] digits) {
    this.digits = digits;
  }

  /** Takes a copy of the digits; the caller should wipe its own array. */
  public static TelephonePin of(char[] digits) {
    if (!isWellFormed(digits)) {
      throw new IllegalArgumentException("A telephone PIN must be 4 to 12 digits.");
    }
    return new TelephonePin(digits.clone());
  }

  public static boolean isWellFormed(char[] digits) {
    if (digits == null || digits.length < MIN_LENGTH || digits.length > MAX_LENGTH) {
      return false;
    }
    for (char c : digits) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  public int length() {
    return digits.length;
  }

  /**
   * Lends a copy of the digits to {@code use} and wipes the copy afterwards, whatever {@code use}
   * does.
   */
  public <T> T reveal(Function<char[], T> use) {
    if (wiped) {
      throw new IllegalStateException("The PIN has been wiped.");
    }
    char[] copy = digits.clone();
    try {
      return use.apply(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  @Override
  public void close() {
    Arrays.fill(digits, '\0');
    wiped = true;
  }

  @Override
  public String toString() {
    return "TelephonePin[****]";
  }
}
