// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.auth;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Phone;
import org.phonebank.call.Questions;
import org.phonebank.call.SecretEntry;
import org.phonebank.card.TelephonePin;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

/**
 * Asks for the telephone PIN as a secret collection and checks only its shape; whether it is right
 * is the issuer's answer. The keyed {@code char[]} is wiped as soon as the PIN is built or
 * rejected.
 */
public final class PinEntry {

  private final IvrSettings settings;

  public PinEntry(IvrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
  }

  /**
   * A well-formed PIN, which the caller must close, or empty after {@code pinEntryTries} mistakes
   * (the last explained). A new set of tries per call of this method: each wrong PIN earns a fresh
   * question.
   */
  public Optional<TelephonePin> collect(Phone phone, Language language) {
    return collect(phone, language, Phrase.ENTER_PIN);
  }

  /**
   * As {@link #collect(Phone, Language)}, asking with {@code ask} (the old PIN, a new PIN, again).
   */
  public Optional<TelephonePin> collect(Phone phone, Language language, Phrase ask) {
    DigitCollection request =
        new DigitCollection(
            ask.in(language),
            settings.pinMinDigits(),
            settings.pinMaxDigits(),
            settings.pinTimeout());
    Tries tries = new Tries(settings.pinEntryTries());
    while (!tries.exhausted()) {
      Phrase mistake;
      try (SecretEntry entry = phone.collectSecret(request)) {
        char[] keys = entry.keys();
        if (!entry.entered()) {
          mistake = Questions.notKeyed(entry.ending());
        } else if (keys.length < settings.pinMinDigits()
            || keys.length > settings.pinMaxDigits()
            || !TelephonePin.isWellFormed(keys)) {
          mistake = Phrase.PIN_MUST_BE_4_DIGITS;
        } else {
          return Optional.of(TelephonePin.of(keys));
        }
      }
      phone.play(mistake.in(language));
      tries.fail();
    }
    return Optional.empty();
  }
}
