// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.lockout;

import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.card.CardNumber;

/**
 * One PIN guess's hold on its card's tries, made by {@link CardLockouts#pinTry} and run by the
 * journal of the same store: the try is taken in the transaction that opens the guess's journal
 * entry ({@link org.phonebank.journal.Journal#openTakingTry}) and settled in the one that records
 * its answer ({@link org.phonebank.journal.Journal#closeSettlingTry}), so the PIN step commits
 * twice, not four times, and no state between the two leaves a try uncounted.
 *
 * <p>The check and the count are the lockout store's ({@link CardLockouts#takeTry}'s rule): atomic
 * per guess against every call on the card, on every node. A store's try is opaque to other stores:
 * a journal refuses a try it cannot run in its own transaction.
 */
public interface PinTry {

  /** The card whose try this is. */
  CardNumber card();

  /** The wrong-PIN limit the try is checked and counted against. */
  int limit();

  /** How the answer to a guess settles its try. */
  enum Settlement {
    /** The issuer accepted the PIN: the count is cleared, unless the card was locked meanwhile. */
    RIGHT_PIN,
    /** The issuer refused the PIN (or its own tries ran out): the guess counts as wrong. */
    WRONG_PIN,
    /**
     * No verdict on the PIN (no answer, card unknown, issuer unavailable): the try is given back.
     */
    GIVEN_BACK;

    /** What {@code outcome} of a guess's balance inquiry says about the PIN. */
    public static Settlement of(SwitchOutcome outcome) {
      if (outcome instanceof SwitchOutcome.Approved) {
        return RIGHT_PIN;
      }
      if (outcome instanceof SwitchOutcome.Declined declined
          && (declined.reason() == DeclineReason.INCORRECT_PIN
              || declined.reason() == DeclineReason.PIN_TRIES_EXCEEDED)) {
        return WRONG_PIN;
      }
      return GIVEN_BACK;
    }
  }
}
