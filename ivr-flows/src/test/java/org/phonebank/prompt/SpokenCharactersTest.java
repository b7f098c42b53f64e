// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

class SpokenCharactersTest {

  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();

  @Test
  void aReferenceNumberIsSaidDigitByDigit() {
    assertEquals(
        "six three two seven zero zero zero zero zero zero one nine",
        CATALOGUE.textOf(SpokenCharacters.reference("632700000019", Language.ENGLISH)));
    assertEquals(
        "شش سه دو هفت صفر صفر",
        CATALOGUE.textOf(SpokenCharacters.reference("632700", Language.PERSIAN)));
  }

  @Test
  void namesAreSpelledInEitherScriptAndArabicFormsAreRead() {
    assertEquals(
        "ع ل ی ک ر ی م ی",
        CATALOGUE.textOf(new Prompt(SpokenCharacters.of("علي كريمي", Language.PERSIAN))));
    assertEquals(
        "alef madda ze ye te A B",
        CATALOGUE.textOf(new Prompt(SpokenCharacters.of("آزیت-ab", Language.ENGLISH))));
  }

  @Test
  void aNameWithAlefMaksuraKeepsBothFinalYehs() {
    assertEquals(
        "م ص ط ف ی ک ر ی م ی",
        CATALOGUE.textOf(
            new Prompt(SpokenCharacters.of("مصطف\u0649 کریم\u0649", Language.PERSIAN))));
  }

  @Test
  void arabicIndicAndPersianDigitsAreSaidAsDigits() {
    assertEquals(
        "one two three four",
        CATALOGUE.textOf(SpokenCharacters.reference("١٢۳۴", Language.ENGLISH)));
  }

  @Test
  void aLetterWithoutARecordingRefusesTheTextInsteadOfVanishing() {
    UnspeakableText refused =
        assertThrows(
            UnspeakableText.class, () -> SpokenCharacters.of("Ali Ωmega", Language.ENGLISH));
    assertEquals(List.of((int) 'Ω'), refused.codePoints());
    assertFalse(refused.getMessage().contains("Ali"), "the name itself is never in the message");
  }

  @Test
  void aReferenceWithNothingToSayIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> SpokenCharacters.reference("--", Language.ENGLISH));
    assertTrue(SpokenCharacters.of("!? ـ\u200C", Language.PERSIAN).isEmpty());
  }

  @Test
  void amountsUpToAQuadrillionRialsAreSpokenInBothLanguages() {
    Rials most = Rials.of(999_999_999_999_999L);
    assertEquals(
        "نهصد و نود و نه تریلیون و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و"
            + " نهصد و نود و نه هزار و نهصد و نود و نه ریال",
        CATALOGUE.textOf(SpokenAmount.of(most, Language.PERSIAN)));
    assertEquals(
        "nine hundred ninety nine trillion nine hundred ninety nine billion nine hundred ninety nine"
            + " million nine hundred ninety nine thousand nine hundred ninety nine rials",
        CATALOGUE.textOf(SpokenAmount.of(most, Language.ENGLISH)));
  }
}
