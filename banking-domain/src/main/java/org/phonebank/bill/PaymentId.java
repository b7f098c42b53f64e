// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.bill;

import java.util.Objects;
import java.util.regex.Pattern;
import org.phonebank.money.Rials;

/**
 * An Iranian payment identifier (شناسه پرداخت): the amount in thousands of rials, one digit of the
 * year, two of the period, then two check digits: the first over the payment id alone, the second
 * over the bill id and the payment id together, so a payment id only ever fits the bill it was
 * printed on.
 */
public record PaymentId(String digits) {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{6,13}");
  private static final long RIALS_PER_UNIT = 1_000;

  public PaymentId {
    Objects.requireNonNull(digits, "Payment id is required.");
    if (!FORMAT.matcher(digits).matches()) {
      throw new IllegalArgumentException("A payment id must be 6 to 13 digits.");
    }
    int first = digits.length() - 2;
    if (BillCheckDigit.of(digits.substring(0, first)) != digits.charAt(first) - '0') {
      throw new IllegalArgumentException("Payment id fails its first check digit.");
    }
  }

  /** True when the second check digit ties this payment id to {@code bill}. */
  public boolean belongsTo(BillId bill) {
    int last = digits.length() - 1;
    return BillCheckDigit.of(bill.digits() + digits.substring(0, last))
        == digits.charAt(last) - '0';
  }

  /** The amount due: the digits before year, period and check digits, in thousands of rials. */
  public Rials amount() {
    return Rials.of(Long.parseLong(digits.substring(0, digits.length() - 5)) * RIALS_PER_UNIT);
  }
}
