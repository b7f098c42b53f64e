// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.TransactionType;

/** The caller replaces the telephone PIN; both PINs travel sealed for the card, as PIN blocks. */
public record PinChange(TransactionIds ids, CardNumber card, SealedPin oldPin, SealedPin newPin)
    implements SwitchRequest {

  public PinChange {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    RequestPins.check(card, oldPin, "Old PIN");
    RequestPins.check(card, newPin, "New PIN");
  }

  @Override
  public TransactionType type() {
    return TransactionType.PIN_CHANGE;
  }
}
