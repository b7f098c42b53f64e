// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phonebank.banking.ReversalStage;

/**
 * The durable store-and-forward queue behind reversals and advices. It keeps each advice as sealed
 * (encrypted) message bytes, because an 0420 carries the card number; the clear columns are only
 * what an operator may see. Advices leave in the order they were released. An advice that cannot be
 * opened or keeps being refused is moved aside as a dead letter, so it no longer holds up the ones
 * behind it; an operator then retries or closes it.
 */
public interface AdviceQueue {

  /** Stores an armed advice for {@code journalEntryId}; storing the same entry again is a no-op. */
  void arm(QueuedAdvice advice);

  /**
   * Deletes an armed advice that is no longer needed. Unknown or already released entries are left
   * alone.
   */
  void discard(long journalEntryId);

  /** Moves an armed advice to the sending queue, behind every advice released before it. */
  void release(long journalEntryId);

  /** Released, unacknowledged advices in release order, at most {@code max}. */
  List<QueuedAdvice> released(int max);

  /** Counts one more sending attempt. */
  void attempted(long journalEntryId, Instant at);

  /** The switch acknowledged the advice with {@code responseCode}: it leaves the queue for good. */
  void acknowledged(long journalEntryId, String responseCode, Instant at);

  /** Entries armed and neither discarded nor released. */
  Set<Long> armed();

  /**
   * The stage of each given entry's advice; entries with none (never armed, discarded) are absent.
   */
  Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds);

  /**
   * Moves a RELEASED advice out of the sending queue into DEAD_LETTER with {@code reason} (words
   * for an operator, at most 200 characters, no card data). Other states are left alone.
   */
  void deadLetter(long journalEntryId, String reason, Instant at);

  /** Dead letters, oldest first, at most {@code max}. */
  List<DeadLetter> deadLetters(int max);

  /**
   * An operator's retry: a DEAD_LETTER advice goes back to the end of the sending queue, its
   * attempts and age counted afresh (the next send is still a repeat when it was sent before).
   *
   * @return whether there was such a dead letter
   */
  boolean retry(long journalEntryId, Instant at);

  /**
   * An operator's close: a DEAD_LETTER advice was settled with the switch by other means; it
   * becomes CLOSED with {@code reason}, its sealed message wiped.
   *
   * @return whether there was such a dead letter
   */
  boolean close(long journalEntryId, String reason, Instant at);
}
