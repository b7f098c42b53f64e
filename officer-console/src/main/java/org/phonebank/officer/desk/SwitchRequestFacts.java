// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the call's switch requests as the escalation recorded it.
 *
 * @param amount in rials, empty for inquiries
 * @param responseCode field 39, empty while unanswered
 * @param state the journal's state: APPROVED, DECLINED, TIMED_OUT, REVERSED, ...
 */
public record SwitchRequestFacts(
    String type,
    Optional<Long> amount,
    int stan,
    String rrn,
    Optional<String> responseCode,
    String state) {

  public SwitchRequestFacts {
    Objects.requireNonNull(type, "Type is required.");
    Objects.requireNonNull(amount, "Amount is required (empty when none).");
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(responseCode, "Response code is required (empty when none).");
    Objects.requireNonNull(state, "State is required.");
  }
}
