// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phonebank.money.Rials;

/**
 * The additional-amounts field of a response: up to six 20-character blocks of account type (n2),
 * amount type (n2), currency (n3), sign ({@code C} credit / {@code D} debit) and amount (n12).
 * Example: {@code 0002364C000012345678} is an available balance (type 02) of 12,345,678 rials in
 * credit.
 */
final class AdditionalAmounts {

  static final String LEDGER_BALANCE = "01";
  static final String AVAILABLE_BALANCE = "02";

  private static final int BLOCK = 20;
  private static final Pattern FORMAT =
      Pattern.compile("([0-9]{2})([0-9]{2})([0-9]{3})([CD])([0-9]{12})");

  private AdditionalAmounts() {}

  /**
   * The first available balance in rials.
   *
   * @throws IllegalArgumentException when the field is not a whole number of well-formed blocks
   */
  static Optional<Rials> availableBalance(String field) {
    if (field == null || field.isEmpty()) {
      return Optional.empty();
    }
    if (field.length() % BLOCK != 0) {
      throw new IllegalArgumentException(
          "Additional amounts must be 20-character blocks, length " + field.length());
    }
    for (int at = 0; at < field.length(); at += BLOCK) {
      Matcher block = FORMAT.matcher(field.substring(at, at + BLOCK));
      if (!block.matches()) {
        throw new IllegalArgumentException(
            "Malformed additional amount block at offset " + at + ".");
      }
      if (block.group(2).equals(AVAILABLE_BALANCE)
          && block.group(3).equals(Rials.ISO_NUMERIC_CODE)) {
        long amount = Long.parseLong(block.group(5));
        return Optional.of(Rials.of(block.group(4).equals("D") ? -amount : amount));
      }
    }
    return Optional.empty();
  }
}
