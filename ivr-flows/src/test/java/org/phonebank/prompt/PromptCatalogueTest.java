// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PromptCatalogueTest {

  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();
  private static final Pattern PERSIAN_LETTERS = Pattern.compile("[\\u0600-\\u06FF\\s\\u200C.،]+");
  private static final Pattern ENGLISH_LETTERS = Pattern.compile("[A-Za-z0-9 ,.-]+");

  @Test
  void everyPhraseIsRecordedInBothLanguages() {
    for (Phrase phrase : Phrase.values()) {
      for (Language language : Language.values()) {
        assertTrue(CATALOGUE.contains(phrase.file(language)), phrase.file(language).id());
      }
    }
  }

  @Test
  void persianPromptsAreReadAsPersianAndEnglishAsEnglish() {
    // A catalogue read with the wrong charset shows up here as mojibake.
    for (String name : CATALOGUE.names(Language.PERSIAN)) {
      String text = CATALOGUE.textOf(new PromptFile(Language.PERSIAN, name));
      assertTrue(PERSIAN_LETTERS.matcher(text).matches(), name + " = " + text);
    }
    for (String name : CATALOGUE.names(Language.ENGLISH)) {
      String text = CATALOGUE.textOf(new PromptFile(Language.ENGLISH, name));
      assertTrue(ENGLISH_LETTERS.matcher(text).matches(), name + " = " + text);
    }
  }

  @Test
  void everyCatalogueNameIsAValidFileName() {
    for (Language language : Language.values()) {
      for (String name : CATALOGUE.names(language)) {
        new PromptFile(language, name);
        assertFalse(CATALOGUE.textOf(new PromptFile(language, name)).isBlank(), name);
      }
    }
  }
}
