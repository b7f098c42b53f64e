// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.util.function.Function;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.SwitchRequest;
import org.phonebank.banking.TransactionIds;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.LimitedSend;
import org.phonebank.money.Rials;

/**
 * Sends money movements for tests that are not about the channel's daily limits: under the largest
 * amount ISO 8583 field 4 can carry (twelve digits), so the day's total never refuses one. {@link
 * JournalledSwitch#send} refuses money movements, as the flows must never send one without its
 * limit.
 */
public final class UnlimitedMoney {

  private UnlimitedMoney() {}

  /**
   * The switch's outcome for the money movement {@code build} makes.
   *
   * @throws AssertionError if the journal refused it over the limit (the day moved more than field
   *     4 can carry, which no test does)
   */
  public static SwitchOutcome send(
      JournalledSwitch journalled, String callId, Function<TransactionIds, SwitchRequest> build) {
    LimitedSend sent = journalled.sendWithinDailyLimit(callId, Rials.ISO_8583_LARGEST, build);
    if (sent instanceof LimitedSend.Sent outcome) {
      return outcome.outcome();
    }
    throw new AssertionError("Refused over field 4's maximum: " + sent);
  }
}
