// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An earlier call of the same card: when, how it ended, and, if the caller reached an officer, the
 * reason and the wrap-up code the officer gave it.
 *
 * @param ending the call's ending as the call path recorded it (SERVED, ESCALATED, ...), or empty
 * @param escalationReason the escalation reason's key, empty when the call did not escalate
 * @param wrapUpCode the officer's wrap-up code, empty when none was written
 */
public record PastContact(
    String callId,
    Instant at,
    Optional<String> ending,
    Optional<String> escalationReason,
    Optional<String> wrapUpCode) {

  public PastContact {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(at, "Time is required.");
    Objects.requireNonNull(ending, "Ending is required (empty when unknown).");
    Objects.requireNonNull(escalationReason, "Reason is required (empty when none).");
    Objects.requireNonNull(wrapUpCode, "Wrap-up code is required (empty when none).");
  }
}
