// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Arrays;

/**
 * Why a caller left self-service; each reason is routed to a queue by configuration ({@code
 * phonebank.escalation.route.<key>}).
 */
public enum EscalationReason {
  /** Main menu 0. */
  ASKED("asked"),
  /** Ran out of tries at a question, anywhere in the flows. */
  OUT_OF_TRIES("out-of-tries"),
  /** Locked out of the phone channel after wrong PINs. */
  LOCKED_OUT("locked-out"),
  /** Blocked the card as stolen: fraud, ahead of everyone. */
  CARD_STOLEN("card-stolen"),
  /** A money movement was declined, timed out or reversed, and the caller pressed 0. */
  MONEY_MOVEMENT_FAILED("money-movement-failed");

  private final String key;

  EscalationReason(String key) {
    this.key = key;
  }

  /** The name used in configuration keys and on the call's path. */
  public String key() {
    return key;
  }

  public static EscalationReason ofKey(String key) {
    return Arrays.stream(values())
        .filter(reason -> reason.key.equals(key))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Unknown escalation reason '" + key + "'."));
  }
}
