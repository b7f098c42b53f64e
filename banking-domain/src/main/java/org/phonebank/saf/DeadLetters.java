// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.util.List;

/**
 * The operator's side of store-and-forward: the advices that left the sending queue because they
 * could not be opened or kept being refused, and the two actions on them. Closing one tells the
 * journal the reversal is settled (REVERSED), exactly as an acknowledgement from the switch would.
 */
public interface DeadLetters {

  /** Dead letters, oldest first, at most {@code max}. */
  List<DeadLetter> deadLetters(int max);

  /**
   * Sends the dead letter again, behind the advices queued now.
   *
   * @return false when {@code journalEntryId} has no dead letter
   */
  boolean retry(long journalEntryId);

  /**
   * Closes the dead letter: the operator settled the reversal with the switch by other means
   * ({@code reason} says how, for the audit; no card data).
   *
   * @return false when {@code journalEntryId} has no dead letter
   */
  boolean close(long journalEntryId, String reason);
}
