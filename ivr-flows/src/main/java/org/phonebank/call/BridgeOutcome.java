// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/** What came of ringing an officer's phone for the caller. */
public enum BridgeOutcome {
  /** The officer answered; the two talked until one of them hung up. */
  TALKED,
  /** The phone rang until the ring time ran out. */
  NO_ANSWER,
  /** The officer rejected the call, or their phone was busy. */
  REFUSED,
  /** The caller hung up while the officer's phone rang (FreeSWITCH's ORIGINATOR_CANCEL). */
  CALLER_LEFT,
  /** The phone could not be reached (not registered, unknown, network). */
  FAILED
}
