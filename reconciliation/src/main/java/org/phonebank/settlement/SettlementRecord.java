// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;
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

  private static final Pattern TERMINAL = Pattern.compile("[\\x21-\\x7E]{1,8}");
  private static final Pattern PROCESSING_CODE = Pattern.compile("[0-9]{6}");
  private static final Pattern RESPONSE_CODE = Pattern.compile("[0-9A-Z]{2}");

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
    if (!TERMINAL.matcher(terminalId).matches()) {
      throw new IllegalArgumentException(
          "A terminal id is 1 to 8 printable characters without spaces.");
    }
    // A settlement file may carry full PANs; only the masked form may enter the phone bank.
    if (maskedCard.chars().filter(Character::isDigit).count() > 10) {
      throw new IllegalArgumentException("A settlement record holds a masked card only.");
    }
    if (!PROCESSING_CODE.matcher(processingCode).matches()) {
      throw new IllegalArgumentException("A processing code is six digits.");
    }
    if (amount.isNegative() || fee.isNegative()) {
      throw new IllegalArgumentException("A settled amount or fee cannot be negative.");
    }
    if (!RESPONSE_CODE.matcher(responseCode).matches()) {
      throw new IllegalArgumentException("A response code is two letters or digits.");
    }
  }

  public MatchKey key() {
    return new MatchKey(rrn, stan, terminalId, localDate);
  }

  /** The transaction class: the first two digits of the processing code (DOMAIN §1.3). */
  public String transactionClass() {
    return processingCode.substring(0, 2);
  }
}
