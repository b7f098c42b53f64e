// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;

/** One card in the simulator's ledger: its telephone PIN, available balance and holder. */
public record DemoAccount(CardNumber card, TelephonePin pin, Rials available, String holder) {

  /** The largest amount an n12 amount field can carry. */
  static final long MAX_AMOUNT = 999_999_999_999L;

  public DemoAccount {
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(available, "Available balance is required.");
    Objects.requireNonNull(holder, "Holder name is required.");
    if (Math.abs(available.value()) > MAX_AMOUNT) {
      throw new IllegalArgumentException("A balance must fit twelve digits.");
    }
  }
}
