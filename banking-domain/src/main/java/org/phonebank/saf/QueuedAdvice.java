// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.saf;

import java.time.Instant;
import java.util.Objects;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;

/**
 * One advice in store-and-forward. {@code sealedMessage} is the packed message encrypted by the
 * bridge (it holds the card number); {@code attempts} counts sends so far, the first being the
 * original MTI and later ones the repeat (xxx1). {@code releasedAt} is when it (last) entered the
 * sending queue, null while armed: a dead letter's age counts from there.
 */
public record QueuedAdvice(
    long journalEntryId,
    String mti,
    Stan stan,
    Rrn rrn,
    byte[] sealedMessage,
    int attempts,
    Instant armedAt,
    Instant releasedAt) {

  /** An advice not (yet) released. */
  public QueuedAdvice(
      long journalEntryId,
      String mti,
      Stan stan,
      Rrn rrn,
      byte[] sealedMessage,
      int attempts,
      Instant armedAt) {
    this(journalEntryId, mti, stan, rrn, sealedMessage, attempts, armedAt, null);
  }

  public QueuedAdvice {
    Objects.requireNonNull(mti, "MTI is required.");
    Objects.requireNonNull(stan, "STAN is required.");
    Objects.requireNonNull(rrn, "RRN is required.");
    Objects.requireNonNull(sealedMessage, "Sealed message is required.");
    Objects.requireNonNull(armedAt, "Arming time is required.");
    sealedMessage = sealedMessage.clone();
  }

  @Override
  public byte[] sealedMessage() {
    return sealedMessage.clone();
  }

  @Override
  public String toString() {
    return "QueuedAdvice[entry="
        + journalEntryId
        + ", mti="
        + mti
        + ", stan="
        + stan
        + ", rrn="
        + rrn
        + ", attempts="
        + attempts
        + "]";
  }
}
