// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import java.util.Objects;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.lockout.LockoutState;

/**
 * What became of a PIN guess sent with its try ({@link JournalledSwitch#balanceInquiry(String,
 * org.phonebank.card.CardNumber, org.phonebank.card.SealedPin, org.phonebank.lockout.PinTry)}).
 */
public sealed interface PinGuess
    permits PinGuess.NoTryLeft, PinGuess.Answered, PinGuess.Unrecorded {

  /**
   * The card had no try left (or is locked): nothing was journalled and the switch never heard it.
   */
  record NoTryLeft() implements PinGuess {}

  /**
   * The answer is on record and the try settled with it; {@code lockout} is the card's state after.
   */
  record Answered(SwitchOutcome outcome, LockoutState lockout) implements PinGuess {
    public Answered {
      Objects.requireNonNull(outcome, "Switch outcome is required.");
      Objects.requireNonNull(lockout, "Lockout state is required.");
    }
  }

  /**
   * The switch answered but the answer could not be recorded: the try stays held, counted as taken,
   * and the entry is left PENDING for the sweeper. The PIN must not be accepted.
   */
  record Unrecorded(SwitchOutcome outcome) implements PinGuess {
    public Unrecorded {
      Objects.requireNonNull(outcome, "Switch outcome is required.");
    }
  }
}
