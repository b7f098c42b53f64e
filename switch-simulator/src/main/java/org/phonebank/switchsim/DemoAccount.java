// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.util.Objects;
import org.phonebank.account.AccountNumber;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;

/**
 * One card in the simulator's ledger as loaded: its telephone PIN, the account behind it with its
 * opening balance, the holder's name in Latin and Persian script, and the card's daily and
 * per-transaction limits. Balances and PINs change in the {@link Ledger}, not here.
 */
public record DemoAccount(
    CardNumber card,
    TelephonePin pin,
    Rials available,
    String holder,
    AccountNumber account,
    String holderPersian,
    Rials dailyLimit,
    Rials perTransactionLimit) {

  /** The largest amount an n12 amount field can carry. */
  static final long MAX_AMOUNT = Rials.ISO_8583_LARGEST.value();

  public DemoAccount {
    Objects.requireNonNull(card, "Card is required.");
    Objects.requireNonNull(pin, "PIN is required.");
    Objects.requireNonNull(available, "Available balance is required.");
    Objects.requireNonNull(holder, "Holder name is required.");
    Objects.requireNonNull(account, "Account number is required.");
    Objects.requireNonNull(holderPersian, "Persian holder name is required.");
    Objects.requireNonNull(dailyLimit, "Daily limit is required.");
    Objects.requireNonNull(perTransactionLimit, "Per-transaction limit is required.");
    if (Math.abs(available.value()) > MAX_AMOUNT) {
      throw new IllegalArgumentException("A balance must fit twelve digits.");
    }
    if (dailyLimit.isNegative() || perTransactionLimit.isNegative()) {
      throw new IllegalArgumentException("Limits must not be negative.");
    }
  }

  /**
   * True when both cards belong to the same customer (own-account transfers are allowed between
   * them).
   */
  boolean sameHolder(DemoAccount other) {
    return holder.equals(other.holder);
  }
}
