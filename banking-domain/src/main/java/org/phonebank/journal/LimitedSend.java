// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.Objects;
import org.phonebank.banking.SwitchOutcome;

/**
 * What became of a money movement sent under a daily limit ({@link
 * JournalledSwitch#sendWithinDailyLimit}): the switch's outcome, or {@link OverDailyLimit} when the
 * journal refused to reserve its amount and the switch never heard of it.
 */
public sealed interface LimitedSend permits LimitedSend.Sent, OverDailyLimit {

  /** The amount was reserved, the request sent and journalled with this outcome. */
  record Sent(SwitchOutcome outcome) implements LimitedSend {
    public Sent {
      Objects.requireNonNull(outcome, "Switch outcome is required.");
    }
  }
}
