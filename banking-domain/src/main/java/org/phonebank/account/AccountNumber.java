// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.account;

import java.util.Objects;
import java.util.regex.Pattern;

/** A deposit account number at the issuer: 6 to 19 digits, as the core banking system prints it. */
public record AccountNumber(String digits) {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{6,19}");

  public AccountNumber {
    Objects.requireNonNull(digits, "Account number is required.");
    if (!FORMAT.matcher(digits).matches()) {
      throw new IllegalArgumentException("An account number must be 6 to 19 digits.");
    }
  }

  /** The last four digits, the form a caller is read back and a log may show. */
  public String lastFour() {
    return digits.substring(digits.length() - 4);
  }

  @Override
  public String toString() {
    return "****" + lastFour();
  }
}
