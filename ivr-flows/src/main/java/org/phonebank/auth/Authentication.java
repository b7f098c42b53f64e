// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.auth;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallServices;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.PathLog;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.PinGuess;
import org.phonebank.prompt.Phrase;

/**
 * Card and PIN, checked by the issuer with a balance inquiry (the one request every card may make).
 * The PIN is sealed ({@link org.phonebank.card.PinSealer}) as soon as it is keyed and its digits
 * wiped; the session keeps only the sealed PIN the issuer accepted. Wrong PINs are counted in the
 * durable lockout store, consecutive across calls: the one that reaches the limit locks the card
 * for the phone channel until an officer lifts it, and a locked card is refused before any PIN is
 * asked. A card the issuer does not know spends a card try, as a mistyped one does.
 */
public final class Authentication {

  private final IvrSettings settings;
  private final CallServices services;
  private final CardEntry cardEntry;
  private final PinEntry pinEntry;

  public Authentication(IvrSettings settings, CallServices services) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.services = Objects.requireNonNull(services, "Call services are required.");
    this.cardEntry = new CardEntry(settings);
    this.pinEntry = new PinEntry(settings);
  }

  /** {@link Next#MAIN_MENU} once the session holds an accepted card and PIN. */
  public Next authenticate(Session session) {
    PathLog path = session.path();
    Tries cardTries = new Tries(settings.cardTries());
    while (true) {
      path.visit("card-entry");
      Optional<CardNumber> card = cardEntry.collect(session.phone(), session.language(), cardTries);
      if (card.isEmpty()) {
        path.ended(CallEnding.GAVE_UP, "card number not entered");
        return Next.OFFER_OFFICER;
      }
      session.keyedCard(card.get());
      if (services.lockouts().isLocked(card.get())) {
        return lockedOut(session, "card locked for the phone channel");
      }
      Optional<Next> next = pinAndInquiry(session, card.get());
      if (next.isPresent()) {
        return next.get();
      }
      session.say(Phrase.CARD_NOT_RECOGNISED);
      cardTries.fail();
      if (cardTries.exhausted()) {
        path.ended(CallEnding.GAVE_UP, "card not recognised");
        return Next.OFFER_OFFICER;
      }
    }
  }

  /** Where the call goes, or empty when the issuer does not know the card. */
  private Optional<Next> pinAndInquiry(Session session, CardNumber card) {
    PathLog path = session.path();
    while (true) {
      path.visit("pin-entry");
      Optional<TelephonePin> keyed = pinEntry.collect(session.phone(), session.language());
      if (keyed.isEmpty()) {
        path.ended(CallEnding.GAVE_UP, "PIN not entered");
        return Optional.of(Next.OFFER_OFFICER);
      }
      // Sealed into its PIN block at once: from here on the call holds no PIN digits.
      SealedPin pin;
      try (TelephonePin clear = keyed.get()) {
        pin = services.pins().seal(clear, card);
      }
      boolean kept = false;
      try {
        // Checked and counted per guess in one atomic step, in the transaction that journals the
        // guess: calls parked at the PIN prompt on the same card share the card's tries, and once
        // it is locked no guess reaches the switch. The answer settles the try in the transaction
        // that records it: a right PIN clears the count, a wrong one counts, no verdict gives the
        // try back.
        PinGuess guess =
            services
                .bank()
                .balanceInquiry(
                    session.callId(),
                    card,
                    pin,
                    services.lockouts().pinTry(card, settings.wrongPinTries()));
        if (guess instanceof PinGuess.NoTryLeft) {
          return Optional.of(lockedOut(session, "no PIN tries left"));
        }
        if (!(guess instanceof PinGuess.Answered answered)) {
          // The answer is not on record, so neither is its verdict: the try stays held.
          session.say(Phrase.SERVICE_UNAVAILABLE);
          path.ended(CallEnding.FAILED, "sign-in answer not recorded");
          return Optional.of(Next.GOODBYE);
        }
        SwitchOutcome outcome = answered.outcome();
        if (outcome instanceof SwitchOutcome.Approved) {
          if (answered.lockout().locked()) {
            // Locked by other calls' wrong PINs while this guess was on its way: not accepted.
            return Optional.of(lockedOut(session, "card locked while its PIN was checked"));
          }
          session.authenticated(card, pin);
          kept = true;
          path.visit("authenticated");
          return Optional.of(Next.MAIN_MENU);
        }
        if (!(outcome instanceof SwitchOutcome.Declined declined)) {
          session.say(Phrase.SERVICE_UNAVAILABLE);
          path.ended(CallEnding.FAILED, "bank unavailable at sign-in");
          return Optional.of(Next.GOODBYE);
        }
        switch (declined.reason()) {
          case INCORRECT_PIN:
            if (answered.lockout().locked()) {
              session.say(Phrase.TOO_MANY_WRONG_PINS);
              return Optional.of(lockedOut(session, "wrong PIN limit reached"));
            }
            session.say(Phrase.PIN_INCORRECT);
            continue;
          case PIN_TRIES_EXCEEDED:
            // The issuer's own counter (75) ran out: the guess was counted here too.
            session.say(Phrase.TOO_MANY_WRONG_PINS);
            path.visit("locked-out");
            path.ended(CallEnding.LOCKED_OUT, "issuer reports PIN tries exceeded");
            return Optional.of(Next.OFFER_OFFICER);
          case INVALID_CARD:
            return Optional.empty();
          case ISSUER_UNAVAILABLE:
            session.say(Phrase.SERVICE_UNAVAILABLE);
            path.ended(CallEnding.FAILED, "issuer unavailable at sign-in");
            return Optional.of(Next.GOODBYE);
          default:
            session.say(OutcomeSpeech.reasonFor(declined.reason()));
            path.ended(CallEnding.FAILED, "declined at sign-in " + declined.responseCode());
            return Optional.of(Next.GOODBYE);
        }
      } finally {
        if (!kept) {
          pin.close();
        }
      }
    }
  }

  private static Next lockedOut(Session session, String why) {
    session.say(Phrase.CARD_LOCKED);
    session.path().visit("locked-out");
    session.path().ended(CallEnding.LOCKED_OUT, why);
    return Next.OFFER_OFFICER;
  }
}
