// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a waiting caller's position and estimate come from (docs/escalation.md, "Estimated wait").
 *
 * @param position 1 is next
 * @param atWork the officers READY, RESERVED or BUSY, of whom the estimate counts those who could
 *     serve the caller
 * @param averageHandling of the queue's recent handled calls; empty before any
 */
public record WaitFacts(
    int position, List<OfficerState> atWork, Optional<Duration> averageHandling) {

  public WaitFacts {
    if (position < 1) {
      throw new IllegalArgumentException("A position starts at 1.");
    }
    atWork = List.copyOf(atWork);
    Objects.requireNonNull(averageHandling, "Average handling is required (empty when none).");
  }
}
