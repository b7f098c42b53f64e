// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;

/** The caller asks the issuer to block the card at once (hot-card it), for a reason. */
public record CardBlock(TransactionIds ids, CardNumber card, SealedPin pin, BlockReason reason)
    implements SwitchRequest {

  public CardBlock {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
    Objects.requireNonNull(reason, "Reason is required.");
  }

  @Override
  public TransactionType type() {
    return TransactionType.CARD_BLOCK;
  }
}
