// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;
import java.util.Optional;

/** One offer as the figures see it: which officer, and what came of it (empty while ringing). */
public record OfferFacts(String officerId, Optional<OfferResult> result) {

  public OfferFacts {
    Objects.requireNonNull(officerId, "Officer id is required.");
    Objects.requireNonNull(result, "Result is required (empty while ringing).");
  }
}
