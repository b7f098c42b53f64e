// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.Objects;
import org.phonebank.money.Rials;

/**
 * A money movement refused by the phone channel's daily limit at send time: it was not journalled
 * and never reached the switch. {@code left} is what the card's business day still allows for that
 * kind of movement (zero or more), which the caller is told.
 */
public record OverDailyLimit(Rials left) implements Reservation, LimitedSend {

  public OverDailyLimit {
    Objects.requireNonNull(left, "Room left is required.");
    if (left.isNegative()) {
      throw new IllegalArgumentException("The room left under a daily limit is never negative.");
    }
  }
}
