// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.List;
import java.util.Objects;
import org.phonebank.money.Rials;

/**
 * What became of a request sent to the bank switch. Expected business results are values, not
 * exceptions: a decline, an unreachable switch and a timeout (outcome unknown) each have their own
 * case.
 */
public sealed interface SwitchOutcome {

  /**
   * The issuer approved. What the response carried besides the approval code depends on the
   * request: {@code balance} (available balance, or null), {@code holderName} (name inquiry, or
   * null) and {@code statement} (mini-statement, newest first, else empty).
   */
  record Approved(
      String approvalCode, Rials balance, String holderName, List<StatementLine> statement)
      implements SwitchOutcome {
    public Approved {
      Objects.requireNonNull(approvalCode, "Approval code is required.");
      statement = statement == null ? List.of() : List.copyOf(statement);
    }

    public Approved(String approvalCode) {
      this(approvalCode, null, null, List.of());
    }

    public Approved(String approvalCode, Rials balance) {
      this(approvalCode, balance, null, List.of());
    }
  }

  /** The issuer or switch refused, with its two-character response code. */
  record Declined(DeclineReason reason, String responseCode) implements SwitchOutcome {
    public Declined {
      Objects.requireNonNull(reason, "Decline reason is required.");
      Objects.requireNonNull(responseCode, "Response code is required.");
    }
  }

  /**
   * The request was never sent: no link to the switch. Safe to tell the caller nothing happened.
   */
  record Unreachable(String detail) implements SwitchOutcome {}

  /** The request was sent but no valid response came in time: the outcome is unknown. */
  record TimedOut() implements SwitchOutcome {}
}
