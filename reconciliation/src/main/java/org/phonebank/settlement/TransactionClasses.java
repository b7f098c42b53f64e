// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.Optional;
import org.phonebank.journal.TransactionType;

/**
 * The transaction class (first two digits of field 3) each journalled request type is sent under,
 * as docs/decisions.md "Processing codes" fixes it and {@code SwitchMessages.processingCode} in
 * iso8583-bridge sends it; and whether the switch settles it.
 */
public final class TransactionClasses {

  private TransactionClasses() {}

  static String of(TransactionType type) {
    // No default branch: a new request type does not compile until someone decides its class.
    return switch (type) {
      case BALANCE_INQUIRY -> "31";
      case MINI_STATEMENT -> "38";
      case HOLDER_NAME_INQUIRY -> "33";
      case TRANSFER -> "40";
      case BILL_PAYMENT -> "50";
      case CARD_BLOCK -> "93";
      case PIN_CHANGE -> "94";
    };
  }

  /**
   * The settled request type sent under {@code transactionClass}, if any (40 transfer, 50 bill).
   */
  public static Optional<TransactionType> settledType(String transactionClass) {
    for (TransactionType type : TransactionType.values()) {
      if (settles(type) && of(type).equals(transactionClass)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static boolean settles(TransactionType type) {
    return switch (type) {
      case TRANSFER, BILL_PAYMENT -> true;
      case BALANCE_INQUIRY, MINI_STATEMENT, HOLDER_NAME_INQUIRY, CARD_BLOCK, PIN_CHANGE -> false;
    };
  }
}
