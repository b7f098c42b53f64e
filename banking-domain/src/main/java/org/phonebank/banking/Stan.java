// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/** System trace audit number (ISO 8583 field 11): six digits, unique per terminal and day. */
public record Stan(int value) {

  public static final int MAX = 999_999;

  public Stan {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("A STAN must be between 1 and 999999, was " + value + ".");
    }
  }

  /** The six-digit, zero-padded form used on the wire. */
  public String digits() {
    // Not String.format: reconciliation keys millions of items on it.
    String plain = Integer.toString(value);
    return "000000".substring(plain.length()) + plain;
  }

  @Override
  public String toString() {
    return digits();
  }
}
