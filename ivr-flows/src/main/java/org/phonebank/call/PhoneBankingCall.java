// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.auth.CardEntry;
import org.phonebank.auth.PinEntry;
import org.phonebank.auth.Tries;
import org.phonebank.balance.BalanceReply;
import org.phonebank.balance.BalanceTeller;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.menu.LanguageMenu;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

/**
 * The phone bank's first call flow: answer, welcome in both languages, choose the language, key the card
 * number and PIN, hear the balance in rials, goodbye, hang up. Mistakes are explained and asked again;
 * no mistake drops the call silently. Every call that ends by itself ends with a goodbye.
 *
 * <p>One instance serves every call: all state of a call lives on its own thread's stack. A
 * {@link CallerHungUp} is not caught here; the call runner ends the call.
 */
public final class PhoneBankingCall implements CallFlow {

  private static final System.Logger LOG = System.getLogger(PhoneBankingCall.class.getName());

  private final IvrSettings settings;
  private final LanguageMenu languageMenu;
  private final CardEntry cardEntry;
  private final PinEntry pinEntry;
  private final BalanceTeller teller;

  public PhoneBankingCall(JournalledSwitch bank, IvrSettings settings) {
    Objects.requireNonNull(bank, "Journalled switch is required.");
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.languageMenu = new LanguageMenu(settings);
    this.cardEntry = new CardEntry(settings);
    this.pinEntry = new PinEntry(settings);
    this.teller = new BalanceTeller(bank);
  }

  @Override
  public void handle(Phone phone) {
    run(phone);
  }

  /** Handles the call and says how it ended (also logged, one line per call). */
  public CallOutcome run(Phone phone) {
    String callId = phone.callId();
    CallOutcome outcome = CallOutcome.INTERRUPTED;
    try {
      phone.answer();
      phone.play(Phrase.WELCOME.inBothLanguages());
      Optional<Language> chosen = languageMenu.choose(phone);
      Language language = chosen.orElse(Language.PERSIAN);
      outcome = chosen.isPresent() ? serve(phone, language) : CallOutcome.NO_LANGUAGE_CHOSEN;
      phone.play(Phrase.GOODBYE.in(language));
      phone.hangUp();
      return outcome;
    } finally {
      // Call id and outcome only: what the caller keyed never reaches a log.
      LOG.log(System.Logger.Level.INFO, "Call {0} ended: {1}", callId, outcome);
    }
  }

  private CallOutcome serve(Phone phone, Language language) {
    Tries cardTries = new Tries(settings.cardTries());
    Tries wrongPins = new Tries(settings.wrongPinTries());
    while (true) {
      Optional<CardNumber> card = cardEntry.collect(phone, language, cardTries);
      if (card.isEmpty()) {
        return CallOutcome.CARD_NOT_ENTERED;
      }
      CallOutcome outcome = inquire(phone, language, card.get(), wrongPins);
      if (outcome != CallOutcome.CARD_NOT_RECOGNISED) {
        return outcome;
      }
      phone.play(Phrase.CARD_NOT_RECOGNISED.in(language));
      cardTries.fail();
      if (cardTries.exhausted()) {
        return outcome;
      }
    }
  }

  /** PIN and balance inquiry, again after each wrong PIN while tries remain. */
  private CallOutcome inquire(Phone phone, Language language, CardNumber card, Tries wrongPins) {
    while (true) {
      Optional<TelephonePin> keyed = pinEntry.collect(phone, language);
      if (keyed.isEmpty()) {
        return CallOutcome.PIN_NOT_ENTERED;
      }
      BalanceReply reply;
      try (TelephonePin pin = keyed.get()) {
        reply = teller.tell(phone, language, card, pin);
      }
      switch (reply) {
        case SPOKEN:
          return CallOutcome.BALANCE_SPOKEN;
        case DECLINED:
          return CallOutcome.DECLINED;
        case UNAVAILABLE:
          return CallOutcome.SWITCH_UNAVAILABLE;
        case CARD_NOT_RECOGNISED:
          return CallOutcome.CARD_NOT_RECOGNISED;
        case PIN_TRIES_EXCEEDED:
          phone.play(Phrase.TOO_MANY_WRONG_PINS.in(language));
          return CallOutcome.TOO_MANY_WRONG_PINS;
        case WRONG_PIN:
        default:
          wrongPins.fail();
          if (wrongPins.exhausted()) {
            phone.play(Phrase.TOO_MANY_WRONG_PINS.in(language));
            return CallOutcome.TOO_MANY_WRONG_PINS;
          }
          phone.play(Phrase.PIN_INCORRECT.in(language));
      }
    }
  }
}
