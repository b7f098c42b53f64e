// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import java.util.Objects;
import org.phonebank.money.Rials;

/** How many items of one difference kind, and their amount. */
public record KindTotal(long count, Rials amount) {

  public static final KindTotal NONE = new KindTotal(0, Rials.zero());

  public KindTotal {
    Objects.requireNonNull(amount, "Amount is required.");
    if (count < 0) {
      throw new IllegalArgumentException("A count cannot be negative.");
    }
  }

  KindTotal plus(Rials more) {
    return new KindTotal(count + 1, amount.plus(more));
  }
}
