// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.util.Objects;

/**
 * One call the dialler must place: ring the customer at {@code number} for {@code customerRing},
 * and once they answer, the officer at {@code officerEndpoint} for {@code officerRing}. The number
 * is in clear only here, in memory, for the dial string; {@link #toString()} never shows it.
 */
public record CallbackCall(
    CallbackClaim claim,
    String officerEndpoint,
    String number,
    Duration customerRing,
    Duration officerRing) {

  public CallbackCall {
    Objects.requireNonNull(claim, "Claim is required.");
    Objects.requireNonNull(officerEndpoint, "Officer endpoint is required.");
    if (!CallbackNumbers.isPhoneNumber(number)) {
      throw new IllegalArgumentException("A callback number is 4 to 15 digits.");
    }
    Objects.requireNonNull(customerRing, "Customer ring time is required.");
    Objects.requireNonNull(officerRing, "Officer ring time is required.");
  }

  @Override
  public String toString() {
    return "CallbackCall[entry "
        + claim.entryId()
        + ", attempt "
        + claim.attemptNo()
        + ", officer "
        + claim.offer().officerId()
        + "]";
  }
}
