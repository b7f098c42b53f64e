// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.time.Instant;
import java.util.Objects;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;

/**
 * An advice moved out of the sending queue for an operator, with what an operator may see: the ids
 * of the original request, how often it was sent, since when it is dead, and why.
 */
public record DeadLetter(
    long journalEntryId,
    String mti,
    Stan stan,
    Rrn rrn,
    int attempts,
    Instant since,
    String reason) {

  public DeadLetter {
    Objects.requireNonNull(mti, "MTI is required.");
    Objects.requireNonNull(stan, "STAN is required.");
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(since, "Dead-letter time is required.");
    Objects.requireNonNull(reason, "Reason is required.");
  }
}
