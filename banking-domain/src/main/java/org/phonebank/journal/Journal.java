// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.List;
import java.util.Optional;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;

/** The durable record of every request to the switch, written before the request is sent. */
public interface Journal {

  /** Records a request as PENDING and returns the entry; must be durable when it returns. */
  JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount);

  /**
   * Records a PIN guess's request as PENDING only if {@code pinTry} can be taken: the try is
   * checked and counted ({@link org.phonebank.lockout.CardLockouts#takeTry}'s rule) and the entry
   * written in one transaction, durable when it returns. A failure keeps neither.
   *
   * @param pinTry made by the lockout store of the same database as this journal
   * @return the PENDING entry, or empty when the card has no try left: then nothing was written and
   *     the guess must not be sent
   * @throws IllegalArgumentException when {@code pinTry} comes from a store this journal cannot run
   *     in its own transaction
   */
  Optional<JournalEntry> openTakingTry(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, PinTry pinTry);

  /**
   * As {@link #close}, and settles the try the entry holds ({@link PinTry.Settlement#of} the
   * outcome) in the same transaction: a right PIN clears the card's count unless the card is
   * locked, a wrong one counts, and a guess without a verdict gives its try back.
   *
   * @return the card's lockout state once settled; after a right PIN, a locked state means the card
   *     was locked by other calls while this guess was on its way, and the PIN must not be accepted
   * @throws IllegalStateException when the entry is not PENDING (the sweeper found it abandoned and
   *     closed it): nothing is written and the try stays held, counted as taken
   */
  LockoutState closeSettlingTry(long entryId, SwitchOutcome outcome, PinTry pinTry);

  /**
   * Records a money movement as PENDING only if its {@code amount} fits under {@code dailyLimit}
   * beside what already counts against the card's business day for {@code type} (see {@link
   * #usedToday}); check and reservation are one atomic step, so calls on one card at once, on one
   * node or several, never together exceed the limit by a rial. The day is the business day (bank
   * zone) of {@code ids.transmittedAt()}. The amount is released when the entry ends DECLINED,
   * REVERSED or UNREACHABLE.
   *
   * @param type a type that moves money
   * @param amount positive rials
   * @param dailyLimit the channel's limit for {@code type} per card and business day, not negative
   * @return {@link Reservation.Reserved} with the PENDING entry (durable when it returns), or
   *     {@link OverDailyLimit} with what the day still allows when nothing was written
   */
  Reservation openWithinDailyLimit(
      String callId,
      TransactionType type,
      TransactionIds ids,
      CardNumber card,
      Rials amount,
      Rials dailyLimit);

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
   * The sweep has been through every entry {@link #unfinished} gave: a journal that reads its
   * unfinished entries from a mark may move it past the entries that are final since (the JDBC
   * journal does, so that closing an entry rewrites no index). Nothing by default.
   */
  default void swept() {}

  /**
   * What counts against {@code card}'s daily limit for {@code type} in the bank's current business
   * day: every such movement that is not DECLINED, REVERSED or UNREACHABLE (never sent), that is
   * pending, sent and unanswered, approved, or waiting for its reversal, since until the switch
   * says otherwise the money may have moved.
   */
  Rials usedToday(CardNumber card, TransactionType type);

  List<JournalEntry> forCall(String callId);

  /** The entry {@code entryId}, or empty when there is none. */
  Optional<JournalEntry> find(long entryId);
}
