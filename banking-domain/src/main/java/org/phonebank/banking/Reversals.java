// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Reversal of money movements whose outcome is unknown, the acquirer's duty (ISO 8583 0420/0421). A
 * reversal is <em>armed</em> durably before the request is sent, so that a crash between sending
 * and hearing back still leaves the reversal on disk; a definite answer disarms it, silence fires
 * it into store-and-forward, which repeats it until the switch acknowledges.
 */
public interface Reversals {

  /**
   * Durably prepares the reversal of {@code request}, journalled as {@code journalEntryId}, before
   * it is sent.
   */
  void arm(long journalEntryId, SwitchRequest request);

  /** A definite answer came (approved or declined): the prepared reversal is thrown away. */
  void disarm(long journalEntryId);

  /**
   * No valid answer came: the prepared reversal is queued for sending, in order, until
   * acknowledged.
   */
  void fire(long journalEntryId);

  /**
   * Journal entries whose reversal is armed and neither disarmed nor fired: after a crash, these
   * are fired.
   */
  Set<Long> armed();

  /**
   * The stage of each given entry's stored reversal, for the sweeper; entries with none (never
   * armed, or disarmed) are absent from the map.
   */
  Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds);
}
