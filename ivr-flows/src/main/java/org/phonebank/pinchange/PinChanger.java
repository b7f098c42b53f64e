// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.pinchange;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.auth.PinEntry;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.BankingService;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.OutcomeSpeech;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.card.PinSealer;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.prompt.Phrase;

/**
 * Main menu 6: the old PIN, then a new PIN twice. A weak new PIN, one equal to the old, or two that
 * differ are refused and asked again. All three are collected as secrets into wipeable arrays; the
 * old and the new PIN are sealed into their PIN blocks ({@link PinSealer}) as soon as the new one
 * is chosen (the old one must be compared with each new candidate until then) and every clear copy
 * is wiped, whichever way the change ends, a caller hanging up included. A wrong old PIN counts
 * towards the lockout like any wrong PIN.
 */
public final class PinChanger implements BankingService {

  private final IvrSettings settings;
  private final JournalledSwitch bank;
  private final PinSealer pins;
  private final CardLockouts lockouts;
  private final PinEntry pinEntry;

  public PinChanger(
      IvrSettings settings, JournalledSwitch bank, PinSealer pins, CardLockouts lockouts) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
    this.bank = Objects.requireNonNull(bank, "Journalled switch is required.");
    this.pins = Objects.requireNonNull(pins, "PIN sealer is required.");
    this.lockouts = Objects.requireNonNull(lockouts, "Card lockouts are required.");
    this.pinEntry = new PinEntry(settings);
  }

  @Override
  public Next serve(Session session) {
    session.path().visit("pin-change");
    Optional<TelephonePin> keyedOld = ask(session, Phrase.ENTER_OLD_PIN);
    if (keyedOld.isEmpty()) {
      return gaveUp(session, "old PIN not entered");
    }
    SealedPin oldPin;
    SealedPin newPin;
    try (TelephonePin clearOld = keyedOld.get()) {
      Optional<TelephonePin> chosen = newPin(session, clearOld);
      if (chosen.isEmpty()) {
        return gaveUp(session, "no acceptable new PIN");
      }
      try (TelephonePin clearNew = chosen.get()) {
        oldPin = pins.seal(clearOld, session.card());
        try {
          newPin = pins.seal(clearNew, session.card());
        } catch (RuntimeException e) {
          oldPin.close();
          throw e;
        }
      }
    }
    boolean kept = false;
    try {
      // The old PIN is a guess like any other: it takes one of the card's tries first.
      if (!lockouts.takeTry(session.card(), settings.wrongPinTries())) {
        return lockedOut(session, "no PIN tries left");
      }
      session.path().visit("pin-change:sent");
      SwitchOutcome outcome =
          bank.send(session.callId(), ids -> new PinChange(ids, session.card(), oldPin, newPin));
      if (outcome instanceof SwitchOutcome.Approved) {
        session.replacePin(newPin);
        kept = true;
        // The switch changed the PIN; a lock set meanwhile by another call still stands.
        lockouts.rightPin(session.card());
        session.say(Phrase.PIN_CHANGED);
        session.path().visit("pin-change:approved");
        session.path().served("PIN changed");
        return Next.MAIN_MENU;
      }
      boolean wrongPin =
          outcome instanceof SwitchOutcome.Declined declined
              && declined.reason() == DeclineReason.INCORRECT_PIN;
      if (!wrongPin) {
        lockouts.returnTry(session.card());
      } else if (lockouts.wrongPin(session.card(), settings.wrongPinTries()).locked()) {
        session.say(Phrase.TOO_MANY_WRONG_PINS);
        return lockedOut(session, "wrong old PIN limit reached");
      }
      session.path().visit("pin-change:" + OutcomeSpeech.sayRefusal(session, outcome, false));
      return Next.MAIN_MENU;
    } finally {
      oldPin.close();
      if (!kept) {
        newPin.close();
      }
    }
  }

  /**
   * A new PIN that is strong, differs from the old and was keyed the same twice; the caller closes
   * it.
   */
  private Optional<TelephonePin> newPin(Session session, TelephonePin oldPin) {
    for (int tried = 0; tried < settings.entryTries(); tried++) {
      Optional<TelephonePin> first = ask(session, Phrase.ENTER_NEW_PIN);
      if (first.isEmpty()) {
        return Optional.empty();
      }
      TelephonePin candidate = first.get();
      boolean chosen = false;
      // Wiped on every way out but the one that hands it back: a caller who hangs up while asked
      // again (CallerHungUp) leaves no new PIN behind.
      try {
        if (WeakPins.isWeak(candidate) || WeakPins.same(candidate, oldPin)) {
          session.say(Phrase.PIN_TOO_WEAK);
          session.path().visit("pin-change:weak");
          continue;
        }
        Optional<TelephonePin> again = ask(session, Phrase.REPEAT_NEW_PIN);
        if (again.isEmpty()) {
          return Optional.empty();
        }
        boolean match;
        try (TelephonePin repeated = again.get()) {
          match = WeakPins.same(candidate, repeated);
        }
        if (match) {
          chosen = true;
          return Optional.of(candidate);
        }
        session.say(Phrase.PINS_DO_NOT_MATCH);
        session.path().visit("pin-change:mismatch");
      } finally {
        if (!chosen) {
          candidate.close();
        }
      }
    }
    return Optional.empty();
  }

  private Optional<TelephonePin> ask(Session session, Phrase question) {
    return pinEntry.collect(session.phone(), session.language(), question);
  }

  private static Next gaveUp(Session session, String why) {
    session.path().ended(CallEnding.GAVE_UP, why);
    return Next.OFFER_OFFICER;
  }

  private static Next lockedOut(Session session, String why) {
    session.say(Phrase.CARD_LOCKED);
    session.path().visit("locked-out");
    session.path().ended(CallEnding.LOCKED_OUT, why);
    return Next.OFFER_OFFICER;
  }
}
