// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.bill.BillId;
import org.phonebank.bill.PaymentId;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** The caller pays a utility or government bill identified by its bill and payment identifiers. */
public record BillPayment(
    TransactionIds ids, CardNumber card, SealedPin pin, BillId billId, PaymentId paymentId)
    implements SwitchRequest {

  public BillPayment {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
    Objects.requireNonNull(billId, "Bill id is required.");
    Objects.requireNonNull(paymentId, "Payment id is required.");
    if (!paymentId.belongsTo(billId)) {
      throw new IllegalArgumentException("The payment id does not belong to the bill id.");
    }
  }

  @Override
  public TransactionType type() {
    return TransactionType.BILL_PAYMENT;
  }

  /** The amount due, encoded in the payment id. */
  @Override
  public Rials amount() {
    return paymentId.amount();
  }
}
