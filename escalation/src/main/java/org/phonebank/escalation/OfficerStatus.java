// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/** Where an officer stands; only a READY officer is offered a call. */
public enum OfficerStatus {
  /** Not at work. Every officer starts here. */
  LOGGED_OUT,
  /** At work and free; the longest idle is offered the next call. */
  READY,
  /** Their phone rings with one caller, until they answer, refuse, or the ring times out. */
  RESERVED,
  /** On a call. */
  BUSY,
  /** At work but not taking calls: on a break, or set away after missing offers. */
  AWAY,
  /**
   * Just finished a call and writing it up (wrap-up code and note): not offered a call until they
   * say READY. Entered when a call ends if {@code wrap-up-after-call} is set, or by the officer.
   */
  WRAP_UP;

  /**
   * @throws IllegalArgumentException unless {@code afterCall} is READY or WRAP_UP, the states an
   *     officer may go to when a call ends
   */
  public static void requireAfterCall(OfficerStatus afterCall) {
    if (afterCall != READY && afterCall != WRAP_UP) {
      throw new IllegalArgumentException("After a call an officer is READY or WRAP_UP.");
    }
  }
}
