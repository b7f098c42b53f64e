// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The durable store-and-forward queue behind reversals and advices. It keeps each advice as sealed
 * (encrypted) message bytes, because an 0420 carries the card number; the clear columns are only
 * what an operator may see. Advices leave in the order they were released.
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
}
