// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.account;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Iranian IBAN (Sheba): {@code IR}, two check digits, a three-digit bank code and nineteen
 * account digits, checked with ISO 7064 mod 97-10.
 */
public record Sheba(String value) {

  private static final Pattern FORMAT = Pattern.compile("IR[0-9]{24}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  public Sheba {
    Objects.requireNonNull(value, "Sheba is required.");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("A Sheba is IR followed by 24 digits.");
    }
    // I = 18, R = 27: the country code moves behind the account digits, as ISO 13616 prescribes.
    String rearranged = value.substring(4) + "1827" + value.substring(2, 4);
    if (!new BigInteger(rearranged).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
      throw new IllegalArgumentException("Sheba fails its mod 97 check.");
    }
  }

  /** The three-digit code of the bank that keeps the account (017 Melli, 012 Mellat …). */
  public String bankCode() {
    return value.substring(4, 7);
  }
}
