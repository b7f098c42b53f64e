// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;

/**
 * One node's claim on a callback call: the offer that reserved an officer for a caller waiting to
 * be called back, and the attempt it records. Exactly one node gets the claim of an offer.
 *
 * @param attemptNo 1 for the first call placed for this callback, then 2, 3...
 * @param number the callback number as the store keeps it (sealed)
 */
public record CallbackClaim(Offer offer, int attemptNo, SealedNumber number) {

  public CallbackClaim {
    Objects.requireNonNull(offer, "Offer is required.");
    Objects.requireNonNull(number, "Callback number is required.");
    if (attemptNo < 1) {
      throw new IllegalArgumentException("Attempts count from 1: " + attemptNo);
    }
  }

  public long entryId() {
    return offer.entryId();
  }
}
