// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;

/**
 * Before a transfer, the caller's issuer is asked whose name the destination card or account is in.
 */
public record HolderNameInquiry(
    TransactionIds ids, CardNumber card, SealedPin pin, TransferDestination destination)
    implements SwitchRequest {

  public HolderNameInquiry {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, pin, "PIN");
    Objects.requireNonNull(destination, "Destination is required.");
  }

  @Override
  public TransactionType type() {
    return TransactionType.HOLDER_NAME_INQUIRY;
  }
}
