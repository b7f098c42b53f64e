// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.time.Duration;

/**
 * Where the Event Socket adapter reports how long the phone bank itself took to answer a caller's
 * keys: from the moment the collection's completion reached the app to the moment the next prompt
 * (any application other than {@code set}, {@code unset} or {@code export}) was written, less the
 * time spent waiting for FreeSWITCH's replies and for the bank switch ({@link
 * org.phonebank.call.PeerWaits}) in between. What is left is the app's own work and queueing:
 * decoding, the flow's thread waking, the journal's and lockouts' commits, PIN sealing, encoding.
 * Called on the call's thread; must not throw.
 */
@FunctionalInterface
public interface KeyTimes {

  /** Reports nothing. */
  KeyTimes NONE = (own, switchAsked) -> {};

  /**
   * @param own the phone bank's own share of answering the keys, never negative
   * @param switchAsked whether the bank switch was asked anything while the keys were answered
   */
  void answered(Duration own, boolean switchAsked);
}
