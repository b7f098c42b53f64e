// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.metrics;

import org.phonebank.banking.SwitchOutcome;

/**
 * The {@code response_code} label of a switch request: field 39 as the switch answered it ({@code
 * 00} for an approval), or, when no answer came, {@code unreachable} (never sent: link down) or
 * {@code timeout} (sent, outcome unknown: a money movement is reversed). A closed set, so the
 * label's cardinality stays bounded whatever the switch sends.
 */
final class SwitchAnswer {

  static final String APPROVED = "00";
  static final String UNREACHABLE = "unreachable";
  static final String TIMED_OUT = "timeout";
  static final String OTHER = "other";

  private SwitchAnswer() {}

  static String label(SwitchOutcome outcome) {
    if (outcome instanceof SwitchOutcome.Approved) {
      return APPROVED;
    }
    if (outcome instanceof SwitchOutcome.Declined declined) {
      String code = declined.responseCode();
      // Two ISO 8583 field 39 characters, letters or digits; anything else is folded so a hostile
      // or broken answer cannot mint new time series.
      return code != null && code.matches("[0-9A-Z]{2}") ? code : OTHER;
    }
    if (outcome instanceof SwitchOutcome.Unreachable) {
      return UNREACHABLE;
    }
    return TIMED_OUT;
  }
}
