// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One transfer as the store records it (table {@code escalation_transfer}): officer {@code
 * officerId}, talking to the caller of {@code entryId} since their answer to offer {@code
 * answeredOffer}, sent the caller from queue {@code fromQueue} to queue {@code toQueue}, or to the
 * named officer {@code toOfficer} (the caller then stays in {@code fromQueue}).
 */
public record Transfer(
    long entryId,
    String officerId,
    long answeredOffer,
    String fromQueue,
    String toQueue,
    Optional<String> toOfficer,
    Instant at) {

  public Transfer {
    Objects.requireNonNull(officerId, "Transferring officer is required.");
    Objects.requireNonNull(fromQueue, "Queue transferred from is required.");
    Objects.requireNonNull(toQueue, "Queue transferred to is required.");
    Objects.requireNonNull(toOfficer, "Officer transferred to is required (empty: a queue).");
    Objects.requireNonNull(at, "Transfer time is required.");
  }
}
