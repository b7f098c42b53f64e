// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller's look at the queue starts from, read at one moment: the offers rung past their
 * deadline (anyone's), the caller's entry, and the READY officers.
 */
public record Look(List<Offer> overdue, Optional<QueuedCall> entry, List<OfficerState> ready) {

  public Look {
    overdue = List.copyOf(overdue);
    Objects.requireNonNull(entry, "Entry is required (empty when none).");
    ready = List.copyOf(ready);
  }
}
