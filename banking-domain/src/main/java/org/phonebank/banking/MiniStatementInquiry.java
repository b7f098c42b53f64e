// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;

/** The caller asks for the last few transactions on the account behind the card. */
public record MiniStatementInquiry(TransactionIds ids, CardNumber card, SealedPin pin)
    implements SwitchRequest {

  public MiniStatementInquiry {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
  }

  @Override
  public TransactionType type() {
    return TransactionType.MINI_STATEMENT;
  }
}
