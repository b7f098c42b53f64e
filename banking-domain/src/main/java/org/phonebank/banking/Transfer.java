// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** The caller moves money from the account behind the card to another card or to an own account. */
public record Transfer(
    TransactionIds ids,
    CardNumber card,
    SealedPin pin,
    TransferDestination destination,
    Rials amount)
    implements SwitchRequest {

  public Transfer {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
    Objects.requireNonNull(destination, "Destination is required.");
    Objects.requireNonNull(amount, "Amount is required.");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("A transfer amount must be positive.");
    }
  }

  @Override
  public TransactionType type() {
    return TransactionType.TRANSFER;
  }
}
