// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.time.Instant;
import java.util.Objects;
import org.phonebank.banking.TransactionIds;
import org.phonebank.money.Rials;

/**
 * One request to the switch as the journal keeps it. The card is held only masked (6+4); PINs and
 * PIN blocks are never journalled. {@code amount} is null for inquiries; {@code responseCode} is
 * null until answered.
 */
public record JournalEntry(
    long id,
    String callId,
    TransactionType type,
    TransactionIds ids,
    String maskedCard,
    Rials amount,
    EntryState state,
    String responseCode,
    Instant updatedAt) {

  public JournalEntry {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(maskedCard, "Masked card is required.");
    Objects.requireNonNull(state, "State is required.");
    if (maskedCard.chars().filter(Character::isDigit).count() > 10) {
      throw new IllegalArgumentException("A journal entry holds a masked card only.");
    }
  }
}
