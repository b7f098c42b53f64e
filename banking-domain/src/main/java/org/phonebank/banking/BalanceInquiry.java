// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;

/** A caller asks the issuer for the available balance of the account behind a card. */
public record BalanceInquiry(TransactionIds ids, CardNumber card, TelephonePin pin) {

  public BalanceInquiry {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pin, "PIN is required.");
  }
}
