// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.auth;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Phone;
import org.phonebank.call.Questions;
import org.phonebank.call.SecretEntry;
import org.phonebank.card.CardNumber;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

/**
 * Asks for the 16-digit card number ended by {@code #} and checks its length and Luhn digit before
 * anything reaches the switch. Every mistake is explained and asked again, until the caller's tries
 * run out.
 */
public final class CardEntry {

  private final IvrSettings settings;

  public CardEntry(IvrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
  }

  /**
   * The card keyed, or empty once {@code tries} are exhausted (the last mistake has been
   * explained).
   */
  public Optional<CardNumber> collect(Phone phone, Language language, Tries tries) {
    DigitCollection request =
        new DigitCollection(
            Phrase.ENTER_CARD.in(language), 1, settings.cardMaxKeys(), settings.cardTimeout());
    while (!tries.exhausted()) {
      // Collected as a secret: FreeSWITCH then raises no DTMF events and logs no digits for the
      // card
      // number, and the variable that held it is unset, so it never reaches an event dump or a CDR.
      // A card keyed without the closing # (FreeSWITCH's timeout with digits) is taken and
      // checked like one with it: sixteen digits and a good Luhn digit are the card.
      KeypadEntry entry;
      try (SecretEntry secret = phone.collectSecret(request)) {
        entry = new KeypadEntry(secret.ending(), new String(secret.keys()));
      }
      Phrase mistake = mistakeIn(entry);
      if (mistake == null) {
        return Optional.of(new CardNumber(entry.keys()));
      }
      phone.play(mistake.in(language));
      tries.fail();
    }
    return Optional.empty();
  }

  /** What is wrong with keys offered as a card number, or null when they are one. */
  public static Phrase mistakeIn(String keys) {
    return mistakeIn(KeypadEntry.of(keys));
  }

  private static Phrase mistakeIn(KeypadEntry entry) {
    String keys = entry.keys();
    if (!entry.entered()) {
      return Questions.notKeyed(entry.ending());
    }
    if (keys.length() != CardNumber.LENGTH || !keys.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Phrase.CARD_MUST_BE_16_DIGITS;
    }
    if (!CardNumber.isValid(keys)) {
      return Phrase.CARD_NOT_VALID;
    }
    return null;
  }
}
