// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/** How a phone-banking call ended, for the call log and metrics; never carries what the caller keyed. */
public enum CallOutcome {
  BALANCE_SPOKEN,
  NO_LANGUAGE_CHOSEN,
  CARD_NOT_ENTERED,
  CARD_NOT_RECOGNISED,
  PIN_NOT_ENTERED,
  TOO_MANY_WRONG_PINS,
  DECLINED,
  SWITCH_UNAVAILABLE,
  /** The call stopped before a result: the caller hung up, or the line or the flow failed. */
  INTERRUPTED
}
