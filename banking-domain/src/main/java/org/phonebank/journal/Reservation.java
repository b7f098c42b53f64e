// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.Objects;

/**
 * What the journal answers when asked to open a money movement within a card's daily limit ({@link
 * Journal#openWithinDailyLimit}): either the movement is journalled PENDING and its amount now
 * counts against the card's day, or it did not fit and nothing was written.
 */
public sealed interface Reservation permits Reservation.Reserved, OverDailyLimit {

  /** The amount fit the day and is held by {@code entry}, PENDING, until the entry is released. */
  record Reserved(JournalEntry entry) implements Reservation {
    public Reserved {
      Objects.requireNonNull(entry, "Journal entry is required.");
    }
  }
}
