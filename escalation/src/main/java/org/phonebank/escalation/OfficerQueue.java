// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;

/**
 * The call flows' way to an officer: put the caller in the queue their reason leads to, ask where
 * they stand while they hold, report what came of ringing an officer, and end their entry. The
 * escalation carries what the officer needs; the routing behind this port decides who rings.
 */
public interface OfficerQueue {

  QueuedCall enqueue(Escalation escalation);

  /** Where the caller stands now, after a routing round. */
  WaitState status(long entryId);

  /** What came of ringing the officer of {@code offer}. */
  void offerEnded(Offer offer, OfferResult result);

  /** The caller's call ended: after talking to an officer, or hanging up while waiting. */
  void ended(long entryId, EntryEnd how);

  /**
   * The caller leaves a number instead of holding and keeps their place.
   *
   * @param number 4 to 15 digits, as keyed or as the caller id gave it
   * @throws IllegalArgumentException if {@code number} is not a phone number
   */
  void callback(long entryId, String number);

  /**
   * The caller at {@code callerNumber} reached the queues again: callbacks they left and are still
   * waiting for are cancelled (they are being served now). A number that is not a phone number
   * cancels nothing.
   *
   * @return how many callbacks were cancelled
   */
  int callingAgain(String callerNumber);

  /** How often a waiting caller hears their position and estimated wait. */
  Duration announceInterval();

  /** How long one stretch of hold lasts before the flow asks {@link #status} again. */
  Duration pollInterval();
}
