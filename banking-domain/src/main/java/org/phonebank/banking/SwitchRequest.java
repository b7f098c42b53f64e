// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import org.phonebank.card.CardNumber;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/**
 * A request the phone bank sends to the issuer through the switch. Every request carries its own
 * ids and the caller's card; the PIN (where there is one) travels as the {@link
 * org.phonebank.card.SealedPin} made when it was collected, sealed for that card, which only the
 * bridge turns into the PIN block of the message.
 */
public sealed interface SwitchRequest
    permits BalanceInquiry,
        MiniStatementInquiry,
        HolderNameInquiry,
        Transfer,
        BillPayment,
        CardBlock,
        PinChange {

  TransactionIds ids();

  CardNumber card();

  TransactionType type();

  /** The amount moved, or null when the request moves no money. */
  default Rials amount() {
    return null;
  }

  /**
   * True when the issuer posts money for it: such a request is reversed when its outcome is
   * unknown.
   */
  default boolean movesMoney() {
    return type().movesMoney();
  }
}
