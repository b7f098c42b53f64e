// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.TransactionType;

/** The caller replaces the telephone PIN; both PINs travel only as PIN blocks. */
public record PinChange(
    TransactionIds ids, CardNumber card, TelephonePin oldPin, TelephonePin newPin)
    implements SwitchRequest {

  public PinChange {
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(oldPin, "Old PIN is required.");
    Objects.requireNonNull(newPin, "New PIN is required.");
  }

  @Override
  public TransactionType type() {
    return TransactionType.PIN_CHANGE;
  }
}
