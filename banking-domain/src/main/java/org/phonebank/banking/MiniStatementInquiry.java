// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.TransactionType;

/** The caller asks for the last few transactions on the account behind the card. */
public record MiniStatementInquiry(TransactionIds ids, CardNumber card, TelephonePin pin)
    implements SwitchRequest {

  public MiniStatementInquiry {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pin, "PIN is required.");
  }

  @Override
  public TransactionType type() {
    return TransactionType.MINI_STATEMENT;
  }
}
