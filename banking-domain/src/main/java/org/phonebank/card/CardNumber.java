// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import java.util.Objects;

/**
 * A 16-digit Shetab card number (PAN), Luhn-checked. It prints itself masked to the first six and
 * last four digits, so a card that reaches a log by accident is still PCI-safe; {@link #digits()}
 * is for the switch message and the PIN block only.
 */
public record CardNumber(String digits) {

  public static final int LENGTH = 16;

  public CardNumber {
    Objects.requireNonNull(digits, "Card number is required.");
    if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("A card number must be exactly 16 digits.");
    }
    if (!passesLuhn(digits)) {
      throw new IllegalArgumentException("Card number fails its Luhn check digit.");
    }
  }

  /** True when the text is 16 ASCII digits with a valid Luhn check digit. */
  public static boolean isValid(String text) {
    return text != null
        && text.length() == LENGTH
        && text.chars().allMatch(c -> c >= '0' && c <= '9')
        && passesLuhn(text);
  }

  static boolean passesLuhn(String number) {
    int last = number.length() - 1;
    return number.charAt(last) == checkDigit(number.substring(0, last));
  }

  /**
   * The Luhn check digit (ISO/IEC 7812-1, Annex B) that completes {@code body}, the digits before
   * it: fifteen for a card number. For tools that make valid test cards; the body is not checked.
   *
   * @param body ASCII digits, at least one
   * @return the check digit, {@code '0'} to {@code '9'}
   */
  public static char checkDigit(String body) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  /** The issuing bank's identification number, the first six digits. */
  public String bin() {
    return digits.substring(0, 6);
  }

  /**
   * First six and last four digits, the rest as {@code *}: the only form that may be shown or
   * stored.
   */
  public String masked() {
    return digits.substring(0, 6) + "******" + digits.substring(12);
  }

  @Override
  public String toString() {
    return masked();
  }
}
