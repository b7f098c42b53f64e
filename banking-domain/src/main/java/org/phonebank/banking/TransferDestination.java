// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.account.AccountNumber;
import org.phonebank.card.CardNumber;

/** Where a transfer goes: another card (card-to-card) or another account of the caller's own. */
public sealed interface TransferDestination {

  /** Another card, possibly at another bank (a Shetab card-to-card transfer). */
  record ToCard(CardNumber card) implements TransferDestination {
    public ToCard {
      Objects.requireNonNull(card, "Destination card is required.");
    }
  }

  /** One of the caller's own other accounts at the issuer. */
  record ToOwnAccount(AccountNumber account) implements TransferDestination {
    public ToOwnAccount {
      Objects.requireNonNull(account, "Destination account is required.");
    }
  }
}
