// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.time.LocalDate;
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
   * null) and {@code statement} (mini-statement, newest first, else empty); {@code settlementDate}
   * is the business date the switch settles it under (field 15), or null when it gave none.
   */
  record Approved(
      String approvalCode,
      Rials balance,
      String holderName,
      List<StatementLine> statement,
      LocalDate settlementDate)
      implements SwitchOutcome {
    public Approved {
      Objects.requireNonNull(approvalCode, "Approval code is required.");
      statement = statement == null ? List.of() : List.copyOf(statement);
    }

    public Approved(
        String approvalCode, Rials balance, String holderName, List<StatementLine> statement) {
      this(approvalCode, balance, holderName, statement, null);
    }

    public Approved(String approvalCode) {
      this(approvalCode, null, null, List.of());
    }

    public Approved(String approvalCode, Rials balance) {
      this(approvalCode, balance, null, List.of());
    }
  }

  /**
   * The issuer or switch refused, with its two-character response code and the business date of
   * field 15 (null when the answer had none).
   */
  record Declined(DeclineReason reason, String responseCode, LocalDate settlementDate)
      implements SwitchOutcome {
    public Declined {
      Objects.requireNonNull(reason, "Decline reason is required.");
      Objects.requireNonNull(responseCode, "Response code is required.");
    }

    public Declined(DeclineReason reason, String responseCode) {
      this(reason, responseCode, null);
    }
  }

  /**
   * The request was never sent: no link to the switch. Safe to tell the caller nothing happened.
   */
  record Unreachable(String detail) implements SwitchOutcome {}

  /** The request was sent but no valid response came in time: the outcome is unknown. */
  record TimedOut() implements SwitchOutcome {}
}
