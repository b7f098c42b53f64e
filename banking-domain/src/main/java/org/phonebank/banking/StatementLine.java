// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.time.LocalDate;
import java.util.Objects;
import org.phonebank.money.Rials;

/**
 * One line of a mini-statement: the day it was posted, the amount, and whether money came in or
 * went out.
 */
public record StatementLine(LocalDate postedOn, Rials amount, Direction direction) {

  /** Money into the account (credit) or out of it (debit). */
  public enum Direction {
    CREDIT,
    DEBIT
  }

  public StatementLine {
    Objects.requireNonNull(postedOn, "Posting date is required.");
    Objects.requireNonNull(amount, "Amount is required.");
    Objects.requireNonNull(direction, "Direction is required.");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "A statement amount is never negative; the direction says which way.");
    }
  }
}
