// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/** What came of ringing one officer's phone for one caller. */
public enum OfferResult {
  ANSWERED,
  /** Rang until the ring timeout: counts toward the officer being set away. */
  NO_ANSWER,
  /** The officer pressed "reject" (or was busy on their phone): the next officer is tried. */
  REFUSED,
  /** The phone could not be reached (not registered, network): counts as a miss too. */
  FAILED,
  /** The caller hung up while the officer's phone rang. */
  CALLER_LEFT,
  /**
   * A callback: the customer's phone was not answered (or busy, or unreachable), so the officer was
   * never rung. Not the officer's miss: they are READY again, the callback waits for its next
   * attempt.
   */
  NOT_REACHED
}
