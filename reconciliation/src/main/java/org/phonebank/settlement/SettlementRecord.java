// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;

/**
 * One item the switch settled, as read from its settlement file: business date (field 15), local
 * date and time of the request (13/12), STAN (11), RRN (37), terminal (41), masked card (2),
 * processing code (3), amount in rials (4), response code (39), whether the item is a reversal
 * (0420) of an earlier request with the same key, and the switch's fee for it in rials.
 */
public record SettlementRecord(
    LocalDate businessDate,
    LocalDate localDate,
    LocalTime localTime,
    Stan stan,
    Rrn rrn,
    String terminalId,
    String maskedCard,
    String processingCode,
    Rials amount,
    String responseCode,
    boolean reversal,
    Rials fee) {

  public SettlementRecord {
    Objects.requireNonNull(businessDate, "Business date is required.");
    Objects.requireNonNull(localDate, "Local date is required.");
    Objects.requireNonNull(localTime, "Local time is required.");
    Objects.requireNonNull(stan, "STAN is required.");
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    Objects.requireNonNull(maskedCard, "Masked card is required.");
    Objects.requireNonNull(processingCode, "Processing code is required.");
    Objects.requireNonNull(amount, "Amount is required.");
    Objects.requireNonNull(responseCode, "Response code is required.");
    Objects.requireNonNull(fee, "Fee is required.");
    if (!printable(terminalId, 1, 8)) {
      throw new IllegalArgumentException(
          "A terminal id is 1 to 8 printable characters without spaces.");
    }
    // A settlement file may carry full PANs; only the masked form may enter the phone bank.
    if (digitCount(maskedCard) > 10) {
      throw new IllegalArgumentException("A settlement record holds a masked card only.");
    }
    if (!sixDigits(processingCode)) {
      throw new IllegalArgumentException("A processing code is six digits.");
    }
    if (amount.isNegative() || fee.isNegative()) {
      throw new IllegalArgumentException("A settled amount or fee cannot be negative.");
    }
    if (!responseCode(responseCode)) {
      throw new IllegalArgumentException("A response code is two letters or digits.");
    }
  }

  // The checks below are written out rather than as patterns: a run builds millions of records.

  /** {@code [\x21-\x7E]{min,max}}: printable ASCII without spaces. */
  private static boolean printable(String text, int min, int max) {
    if (text.length() < min || text.length() > max) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** What {@code Character.isDigit} counts, in any script. */
  private static long digitCount(String text) {
    long count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  /** {@code [0-9]{6}}. */
  private static boolean sixDigits(String text) {
    if (text.length() != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code [0-9A-Z]{2}}. */
  private static boolean responseCode(String text) {
    if (text.length() != 2) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  public MatchKey key() {
    return new MatchKey(rrn, stan, terminalId, localDate);
  }

  /** The transaction class: the first two digits of the processing code (DOMAIN §1.3). */
  public String transactionClass() {
    return processingCode.substring(0, 2);
  }
}
