// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.time.Instant;
import java.util.Objects;

/**
 * The identity a request carries to the switch and keeps in the journal: STAN, RRN and when it
 * left.
 */
public record TransactionIds(Stan stan, Rrn rrn, Instant transmittedAt) {

  public TransactionIds {
    Objects.requireNonNull(stan, "STAN is required.");
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(transmittedAt, "Transmission time is required.");
  }
}
