// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.util.Objects;

/** Where a caller in a queue stands, as their call flow asks. */
public sealed interface WaitState {

  /**
   * Still waiting: {@code position} 1 is next; the estimate follows docs/escalation.md.
   *
   * @param estimate rounded up to whole minutes, at least one
   */
  record Waiting(int position, Duration estimate) implements WaitState {
    public Waiting {
      if (position < 1) {
        throw new IllegalArgumentException("A position starts at 1.");
      }
      Objects.requireNonNull(estimate, "Estimate is required.");
    }
  }

  /** An officer is reserved: ring {@code endpoint} for at most {@code ringFor}. */
  record Ringing(Offer offer, String endpoint, Duration ringFor) implements WaitState {
    public Ringing {
      Objects.requireNonNull(offer, "Offer is required.");
      Objects.requireNonNull(endpoint, "Endpoint is required.");
      Objects.requireNonNull(ringFor, "Ring time is required.");
    }
  }

  /** Talking to an officer, or done: the flow has nothing more to wait for. */
  record Gone(EntryStatus status) implements WaitState {}
}
