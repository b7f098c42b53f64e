// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/** Where a call goes after one stage of it (authentication, or a service from the main menu). */
public enum Next {
  /** Back to the main menu: the service was done, cancelled, or refused with its reason told. */
  MAIN_MENU,
  /**
   * The caller ran out of tries, or is locked out: offer an officer. The stage has already recorded
   * why in the call's path.
   */
  OFFER_OFFICER,
  /**
   * A money movement failed (declined, timed out, reversed): offer an officer, and go back to the
   * main menu otherwise.
   */
  OFFICER_OR_MENU,
  /** Say goodbye and hang up (the card was just blocked, or the bank cannot be reached). */
  GOODBYE,
  /** The call has been handed to an officer; the phone bank must not touch it again. */
  TRANSFERRED
}
