// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * An officer's state as the shared store holds it.
 *
 * @param since when the status last changed; for a READY officer, how long they have been idle
 * @param missesInRow offers left unanswered since the officer last answered one
 * @param entryId the queue entry they are reserved for or talking to, 0 when none
 */
public record OfficerState(
    String officerId, OfficerStatus status, Instant since, int missesInRow, long entryId) {

  public OfficerState {
    Objects.requireNonNull(officerId, "Officer id is required.");
    Objects.requireNonNull(status, "Status is required.");
    Objects.requireNonNull(since, "Since is required.");
  }
}
