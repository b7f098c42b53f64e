// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.menu;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.auth.Tries;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.Phone;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.Prompt;

/**
 * "For Persian press 1, for English press 2", each offer in its own language since the caller has
 * not chosen yet. Silence or any other key is told "invalid choice" in both languages and asked
 * again.
 */
public final class LanguageMenu {

  private static final Prompt OFFER =
      Phrase.FOR_PERSIAN_PRESS_1
          .in(Language.PERSIAN)
          .then(Phrase.FOR_ENGLISH_PRESS_2.in(Language.ENGLISH));

  private final IvrSettings settings;

  public LanguageMenu(IvrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "IVR settings are required.");
  }

  /** The language chosen, or empty after {@code menuTries} invalid answers. */
  public Optional<Language> choose(Phone phone) {
    DigitCollection request = new DigitCollection(OFFER, 1, 1, settings.menuTimeout());
    Tries tries = new Tries(settings.menuTries());
    while (!tries.exhausted()) {
      KeypadEntry entry = phone.collect(request);
      if (entry.keys().equals("1")) {
        return Optional.of(Language.PERSIAN);
      }
      if (entry.keys().equals("2")) {
        return Optional.of(Language.ENGLISH);
      }
      phone.play(Phrase.INVALID_CHOICE.inBothLanguages());
      tries.fail();
    }
    return Optional.empty();
  }
}
