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
  AWAY
}
