// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenCharacters;

/**
 * What the caller is told when the switch did not simply approve: each decline reason, an
 * unreachable bank and a timeout have their own sentence. A timed-out money movement is the one
 * case where the caller must hear that the outcome is unknown and will be undone: the journal has
 * already fired its reversal.
 */
public final class OutcomeSpeech {

  private OutcomeSpeech() {}

  /**
   * Tells the caller why {@code outcome} did not do what was asked; returns a short name for the
   * path.
   */
  public static String sayRefusal(Session session, SwitchOutcome outcome, boolean movesMoney) {
    if (outcome instanceof SwitchOutcome.Declined declined) {
      session.say(reasonFor(declined.reason()));
      return "declined-" + declined.responseCode();
    }
    if (outcome instanceof SwitchOutcome.Unreachable) {
      session.say(Phrase.BANK_UNREACHABLE);
      return "unreachable";
    }
    if (outcome instanceof SwitchOutcome.TimedOut) {
      session.say(movesMoney ? Phrase.NOT_CONFIRMED_WILL_REVERSE : Phrase.SERVICE_UNAVAILABLE);
      return "timed-out";
    }
    // Approved, but without what the caller asked to hear.
    session.say(Phrase.SERVICE_UNAVAILABLE);
    return "incomplete-answer";
  }

  public static Phrase reasonFor(DeclineReason reason) {
    switch (reason) {
      case INSUFFICIENT_FUNDS:
        return Phrase.DECLINE_INSUFFICIENT_FUNDS;
      case INCORRECT_PIN:
        return Phrase.PIN_INCORRECT;
      case PIN_TRIES_EXCEEDED:
        return Phrase.TOO_MANY_WRONG_PINS;
      case INVALID_CARD:
        return Phrase.CARD_NOT_RECOGNISED;
      case EXPIRED_CARD:
        return Phrase.DECLINE_EXPIRED_CARD;
      case LIMIT_EXCEEDED:
        return Phrase.DECLINE_LIMIT_EXCEEDED;
      case NOT_PERMITTED:
        return Phrase.DECLINE_NOT_PERMITTED;
      case ISSUER_UNAVAILABLE:
        return Phrase.SERVICE_UNAVAILABLE;
      default:
        return Phrase.REQUEST_DECLINED;
    }
  }

  /** "Your reference number is six three two …", the RRN digit by digit. */
  public static Prompt reference(TransactionIds ids, Language language) {
    Prompt sentence =
        Phrase.REFERENCE_NUMBER_IS
            .in(language)
            .then(SpokenCharacters.reference(ids.rrn().value(), language));
    return language == Language.PERSIAN ? sentence.then(Prompt.of(language, "is-end")) : sentence;
  }
}
