// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.bill;

/**
 * The mod 11 check digit Iranian bill and payment identifiers use: digits weighted 2…7 from the
 * right, repeating; a remainder of 0 or 1 gives 0, otherwise 11 minus the remainder.
 */
final class BillCheckDigit {

  private BillCheckDigit() {}

  static int of(String digits) {
    int sum = 0;
    int weight = 2;
    for (int i = digits.length() - 1; i >= 0; i--) {
      sum += (digits.charAt(i) - '0') * weight;
      weight = weight == 7 ? 2 : weight + 1;
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }
}
