// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;

/**
 * The three ways the flows ask a caller something after the language is chosen: a one-key menu, a
 * long entry ended by {@code #}, and a read-back to confirm. Each asks with a timeout, explains
 * every mistake with its own phrase ("the card number must be 16 digits") and gives up after {@code
 * entryTries}. Keys pressed while the prompt plays interrupt it.
 */
public final class Questions {

  private final IvrSettings settings;

  public Questions(IvrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
  }

  /** One key out of {@code keys}, or empty after {@code entryTries} silences or other keys. */
  public Optional<String> choose(Session session, Prompt offer, Set<String> keys) {
    DigitCollection request = new DigitCollection(offer, 1, 1, settings.menuTimeout());
    for (int tried = 0; tried < settings.entryTries(); tried++) {
      KeypadEntry entry = session.phone().collect(request);
      if (entry.entered() && keys.contains(entry.keys())) {
        return Optional.of(entry.keys());
      }
      // A lone # is a key pressed, just not a choice: only true silence is "no entry".
      session.say(
          entry.ending() == KeypadEntry.Ending.NOTHING ? Phrase.NO_ENTRY : Phrase.INVALID_CHOICE);
    }
    return Optional.empty();
  }

  /**
   * Up to {@code maxKeys} keys ended by {@code #}, checked by {@code mistakeIn} (null when the keys
   * are right); empty after {@code entryTries} mistakes. Numbers that identify a customer's money
   * (cards, accounts, bills) are collected as secrets, so they never reach a FreeSWITCH log or
   * event.
   *
   * <p>Keys the caller stopped typing without {@code #} ({@link KeypadEntry.Ending#PAUSED}) are the
   * caller's answer, taken as keyed and checked by {@code mistakeIn} like terminated ones: a card,
   * account or bill id then passes or fails its length and check digit, an amount is read back
   * before anything moves. Only silence is "no entry"; a lone {@code #} is told to key the number
   * first.
   */
  public Optional<String> entry(
      Session session,
      Phrase ask,
      int maxKeys,
      boolean secret,
      Function<String, Phrase> mistakeIn) {
    return entryExplained(
        session,
        ask,
        maxKeys,
        secret,
        keys -> {
          Phrase mistake = mistakeIn.apply(keys);
          return mistake == null ? null : mistake.in(session.language());
        });
  }

  /** As {@link #entry}, for mistakes explained by more than one phrase (a limit and its amount). */
  public Optional<String> entryExplained(
      Session session,
      Phrase ask,
      int maxKeys,
      boolean secret,
      Function<String, Prompt> mistakeIn) {
    DigitCollection request =
        new DigitCollection(ask.in(session.language()), 1, maxKeys, timeoutFor(maxKeys));
    for (int tried = 0; tried < settings.entryTries(); tried++) {
      KeypadEntry entry = secret ? secretKeys(session, request) : session.phone().collect(request);
      Prompt mistake =
          entry.entered()
              ? mistakeIn.apply(entry.keys())
              : notKeyed(entry.ending()).in(session.language());
      if (mistake == null) {
        return Optional.of(entry.keys());
      }
      session.say(mistake);
    }
    return Optional.empty();
  }

  /** What to tell a caller whose entry holds no key: silence, or {@code #} alone. */
  public static Phrase notKeyed(KeypadEntry.Ending ending) {
    return ending == KeypadEntry.Ending.HASH_ONLY ? Phrase.HASH_ONLY : Phrase.NO_ENTRY;
  }

  /** Plays {@code readBack} followed by "1 to confirm, 2 to cancel" and waits for the answer. */
  public Confirmation confirm(Session session, Prompt readBack) {
    Prompt offer = readBack.then(Phrase.CONFIRM_OR_CANCEL.in(session.language()));
    Optional<String> key = choose(session, offer, Set.of("1", "2", "*"));
    if (key.isEmpty()) {
      return Confirmation.UNANSWERED;
    }
    return key.get().equals("1") ? Confirmation.CONFIRMED : Confirmation.CANCELLED;
  }

  private Duration timeoutFor(int maxKeys) {
    return maxKeys > 1 ? settings.entryTimeout() : settings.menuTimeout();
  }

  private static KeypadEntry secretKeys(Session session, DigitCollection request) {
    try (SecretEntry entry = session.phone().collectSecret(request)) {
      return new KeypadEntry(entry.ending(), new String(entry.keys()));
    }
  }

  /** True when {@code keys} are all ASCII digits; a star slipped into an entry is a wrong entry. */
  public static boolean allDigits(String keys) {
    return !keys.isEmpty() && keys.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
