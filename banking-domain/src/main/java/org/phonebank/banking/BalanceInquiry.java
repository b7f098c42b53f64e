// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;

/** A caller asks the issuer for the available balance of the account behind a card. */
public record BalanceInquiry(TransactionIds ids, CardNumber card, SealedPin pin)
    implements SwitchRequest {

  public BalanceInquiry {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
  }

  @Override
  public TransactionType type() {
    return TransactionType.BALANCE_INQUIRY;
  }
}
