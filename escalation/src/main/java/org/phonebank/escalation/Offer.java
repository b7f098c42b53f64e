// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * One caller offered to one reserved officer, whose phone rings until {@code deadline}. Every offer
 * ends with an {@link OfferResult}; an offer past its deadline is ended as a no-answer by whichever
 * node sweeps first, so no officer stays reserved for a call nobody is ringing.
 */
public record Offer(long id, long entryId, String officerId, Instant offeredAt, Instant deadline) {

  public Offer {
    Objects.requireNonNull(officerId, "Officer id is required.");
    Objects.requireNonNull(offeredAt, "Offer time is required.");
    Objects.requireNonNull(deadline, "Deadline is required.");
  }
}
