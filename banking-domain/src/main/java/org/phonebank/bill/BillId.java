// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.bill;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Iranian bill identifier (شناسه قبض): 6 to 13 digits whose second-to-last digit names the
 * service and whose last digit is a mod 11 check digit over the rest.
 */
public record BillId(String digits) {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{6,13}");

  public BillId {
    Objects.requireNonNull(digits, "Bill id is required.");
    if (!FORMAT.matcher(digits).matches()) {
      throw new IllegalArgumentException("A bill id must be 6 to 13 digits.");
    }
    int last = digits.length() - 1;
    if (BillCheckDigit.of(digits.substring(0, last)) != digits.charAt(last) - '0') {
      throw new IllegalArgumentException("Bill id fails its check digit.");
    }
    if (BillType.ofCode(digits.charAt(last - 1) - '0') == null) {
      throw new IllegalArgumentException("Bill id names no known bill type.");
    }
  }

  /** True when {@code text} is a well-formed bill id with a valid check digit and a known type. */
  public static boolean isValid(String text) {
    try {
      new BillId(text);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  public BillType type() {
    return BillType.ofCode(digits.charAt(digits.length() - 2) - '0');
  }
}
