// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/**
 * The console's way to an officer's phone: end one officer's leg, so the caller's bridge ends and
 * their call flow goes on (the next officer, or back on hold after a transfer). The adapter speaks
 * to the telephony switch (FreeSWITCH's inbound Event Socket, {@code uuid_kill}).
 */
public interface OfficerLegs {

  /**
   * Ends {@code leg}. Never throws: a leg already gone, or a switch that cannot be reached, is
   * logged and left (the officer's phone then rings out, or the officer hangs up).
   */
  void release(OfficerLeg leg, OfficerLeg.Release why);

  /** No telephony switch to tell (no inbound Event Socket configured). */
  OfficerLegs NONE = (leg, why) -> {};
}
