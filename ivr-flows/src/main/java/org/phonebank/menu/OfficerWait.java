// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.phonebank.call.BridgeOutcome;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Next;
import org.phonebank.call.Phone;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.Session;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerLeg;
import org.phonebank.escalation.OfficerQueue;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.WaitState;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.SpokenCharacters;
import org.phonebank.prompt.SpokenNumber;

/**
 * One caller holding for an officer. In turn: ask the queue where the caller stands; if an officer
 * is reserved, ring them and report what came of it (a no-answer or refusal puts the caller back,
 * and the next round rings the next officer at once); otherwise hold for one stretch of music,
 * telling the caller their position and estimated wait every announce interval, with 1 to leave a
 * callback number instead (the caller id, confirmed, or one keyed in). A caller who hangs up while
 * waiting is ended in the queue as abandoned; one who leaves a callback number keeps their entry. A
 * caller whose officer transferred them is back on hold when the bridge ends, and is offered again.
 */
final class OfficerWait {

  /**
   * The hold music, synthesised at start beside the prompts and never committed ({@code
   * prompt-audio}'s {@code HoldMusic}: {@code <prompt-dir>/<lang>/hold-music.wav}).
   */
  static final String HOLD_MUSIC = "hold-music";

  private static final Pattern KEYED_NUMBER = Pattern.compile("[0-9]{4,15}");
  private static final Pattern CALLER_ID = Pattern.compile("\\+?[0-9]{4,15}");

  private final Session session;
  private final Phone phone;
  private final OfficerQueue queue;
  private final Clock clock;
  private final IvrSettings settings;

  OfficerWait(Session session, OfficerQueue queue, Clock clock, IvrSettings settings) {
    this.session = session;
    this.phone = session.phone();
    this.queue = queue;
    this.clock = clock;
    this.settings = settings;
  }

  Next run(Escalation escalation) {
    // A caller back before we called them: this call serves them, the callback would be a second.
    phone.callerNumber().ifPresent(queue::callingAgain);
    QueuedCall entry = queue.enqueue(escalation);
    session.path().visit("officer-queue:" + escalation.reason().key());
    boolean keepEntry = false;
    try {
      Instant announced = null;
      while (true) {
        WaitState state = queue.status(entry.id());
        if (state instanceof WaitState.Ringing ringing) {
          // The officer is talking from the moment the bridge connects, not when it ends: left
          // RINGING past its deadline, the offer would be ended as a no-answer by the next routing
          // round on any node while they talk.
          BridgeOutcome outcome =
              phone.bridge(
                  ringing.endpoint(),
                  OfficerLeg.of(ringing.offer().id()).uuid(),
                  ringing.ringFor(),
                  () -> queue.offerEnded(ringing.offer(), OfferResult.ANSWERED));
          session.path().visit("officer:" + outcome.name().toLowerCase(Locale.ROOT));
          if (outcome == BridgeOutcome.TALKED) {
            // Already ended at the answer; ending an ended offer changes nothing.
            queue.offerEnded(ringing.offer(), OfferResult.ANSWERED);
            if (!(queue.status(entry.id()) instanceof WaitState.Gone)) {
              // The officer transferred the caller (escalation Transfers) and their leg was
              // ended: the caller waits again, in the new queue or for the named officer.
              session.path().visit("officer-transferred");
              continue;
            }
            queue.ended(entry.id(), EntryEnd.COMPLETED);
            keepEntry = true;
            phone.hangUp();
            return Next.TRANSFERRED;
          }
          if (outcome == BridgeOutcome.CALLER_LEFT) {
            // Not the officer's miss: the caller gave up while the phone rang.
            queue.offerEnded(ringing.offer(), OfferResult.CALLER_LEFT);
            keepEntry = true;
            throw new CallerHungUp("The caller hung up while an officer's phone rang.");
          }
          queue.offerEnded(ringing.offer(), resultOf(outcome));
          continue;
        }
        if (!(state instanceof WaitState.Waiting waiting)) {
          // Ended elsewhere (by the system); nothing more to wait for.
          keepEntry = true;
          return Next.GOODBYE;
        }
        // Music for each stretch of hold; every announce interval, first the position, the
        // estimate and how to ask for a callback instead.
        Prompt hold = Prompt.of(session.language(), HOLD_MUSIC);
        Instant now = clock.instant();
        if (announced == null || !now.isBefore(announced.plus(queue.announceInterval()))) {
          hold =
              positionAndWait(waiting)
                  .then(Phrase.HOLD_FOR_OFFICER.in(session.language()))
                  .then(hold);
          announced = now;
        }
        KeypadEntry key = phone.collect(new DigitCollection(hold, 1, 1, queue.pollInterval()));
        if (key.keys().equals("1") && callback(entry)) {
          // Kept from the moment it is registered: a caller who hangs up during the thanks has
          // still asked to be called back.
          keepEntry = true;
          session.say(Phrase.CALLBACK_REGISTERED);
          session.path().visit("officer-callback:registered");
          return Next.GOODBYE;
        }
      }
    } finally {
      if (!keepEntry) {
        queue.ended(entry.id(), EntryEnd.ABANDONED);
      }
    }
  }

  private static OfferResult resultOf(BridgeOutcome outcome) {
    switch (outcome) {
      case NO_ANSWER:
        return OfferResult.NO_ANSWER;
      case REFUSED:
        return OfferResult.REFUSED;
      default:
        return OfferResult.FAILED;
    }
  }

  /** "You are caller number three. Your estimated wait is about two minutes." */
  private Prompt positionAndWait(WaitState.Waiting waiting) {
    Language language = session.language();
    Prompt position =
        Phrase.QUEUE_POSITION.in(language).then(SpokenNumber.of(waiting.position(), language));
    if (language == Language.PERSIAN) {
      position = position.then(Prompt.of(language, "is-end"));
    }
    return position
        .then(Phrase.ESTIMATED_WAIT.in(language))
        .then(SpokenNumber.of(waiting.estimate().toMinutes(), language))
        .then(Phrase.MINUTES.in(language));
  }

  /** Takes a callback number; false (back to hold) if the caller gives none. */
  private boolean callback(QueuedCall entry) {
    session.path().visit("officer-callback");
    Language language = session.language();
    Optional<String> callerId = phone.callerNumber().filter(n -> CALLER_ID.matcher(n).matches());
    if (callerId.isPresent()) {
      Prompt confirm =
          Phrase.CALLBACK_AT
              .in(language)
              .then(SpokenCharacters.reference(callerId.get().replace("+", ""), language))
              .then(Phrase.CALLBACK_CONFIRM_OR_OTHER.in(language));
      KeypadEntry choice =
          phone.collect(new DigitCollection(confirm, 1, 1, settings.menuTimeout()));
      if (choice.keys().equals("1")) {
        return registered(entry, callerId.get());
      }
      if (!choice.keys().equals("2")) {
        return false;
      }
    }
    for (int attempt = 1; attempt <= settings.entryTries(); attempt++) {
      // Keyed as a secret, as a card number is: a menu choice's variable stays on the channel,
      // so every later event and the CDR would carry the number (EslPhone.collectSecret).
      try (SecretEntry keyed =
          phone.collectSecret(
              new DigitCollection(
                  Phrase.CALLBACK_ENTER_NUMBER.in(language), 1, 16, settings.entryTimeout()))) {
        if (!keyed.entered()) {
          return false;
        }
        String number = new String(keyed.keys());
        if (KEYED_NUMBER.matcher(number).matches()) {
          return registered(entry, number);
        }
      }
      session.say(Phrase.CALLBACK_NUMBER_NOT_VALID);
    }
    return false;
  }

  private boolean registered(QueuedCall entry, String number) {
    queue.callback(entry.id(), number);
    return true;
  }
}
