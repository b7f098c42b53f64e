// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.List;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;

/** The durable record of every request to the switch, written before the request is sent. */
public interface Journal {

  /** Records a request as PENDING and returns the entry; must be durable when it returns. */
  JournalEntry open(String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount);

  /**
   * Moves a PENDING entry to the final state for {@code outcome}. Closing an entry that is already final
   * with the same outcome is a no-op, so a retried close is safe.
   */
  JournalEntry close(long entryId, SwitchOutcome outcome);

  List<JournalEntry> forCall(String callId);
}
