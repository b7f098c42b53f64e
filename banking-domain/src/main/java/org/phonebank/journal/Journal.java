// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.List;
import java.util.Optional;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;

/** The durable record of every request to the switch, written before the request is sent. */
public interface Journal {

  /** Records a request as PENDING and returns the entry; must be durable when it returns. */
  JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount);

  /**
   * Moves a PENDING entry to the final state for {@code outcome}. Closing an entry that is already
   * final with the same outcome is a no-op, so a retried close is safe.
   */
  JournalEntry close(long entryId, SwitchOutcome outcome);

  /**
   * Marks a PENDING money movement whose outcome is unknown as REVERSING. Repeating it is a no-op.
   */
  JournalEntry reversing(long entryId);

  /**
   * Marks a REVERSING (or, after a crash, PENDING) entry REVERSED once the switch acknowledged the
   * reversal. Repeating it is a no-op; an entry in another final state is left alone and returned
   * as it is.
   */
  JournalEntry reversed(long entryId);

  /**
   * Entries not yet final (PENDING or REVERSING), oldest first: what recovery looks at after a
   * restart.
   */
  List<JournalEntry> unfinished();

  /**
   * The sum of approved {@code type} amounts for {@code card} in the bank's current business day,
   * for channel limits. Reversing entries count too: until the switch says otherwise the money may
   * have moved.
   */
  Rials approvedToday(CardNumber card, TransactionType type);

  List<JournalEntry> forCall(String callId);

  /** The entry {@code entryId}, or empty when there is none. */
  Optional<JournalEntry> find(long entryId);
}
