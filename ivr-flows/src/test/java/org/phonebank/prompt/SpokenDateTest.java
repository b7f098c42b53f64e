// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpokenDateTest {

  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();

  private static String said(LocalDate date, Language language) {
    return CATALOGUE.textOf(SpokenDate.of(date, language));
  }

  @Test
  void nowruzIsTheFirstOfFarvardin() {
    assertEquals(
        "یکم فروردین هزار و چهارصد و سه", said(LocalDate.of(2024, 3, 20), Language.PERSIAN));
  }

  @Test
  void aLeapYearEndsOnTheThirtiethOfEsfand() {
    // 1403 is a leap year in the Solar Hijri calendar; 1402 is not.
    assertEquals(
        "سی‌ام اسفند هزار و چهارصد و سه", said(LocalDate.of(2025, 3, 20), Language.PERSIAN));
    assertEquals(
        "بیست و نهم اسفند هزار و چهارصد و دو", said(LocalDate.of(2024, 3, 19), Language.PERSIAN));
  }

  @Test
  void englishSaysTheGregorianDateMonthFirst() {
    assertEquals(
        "March twentieth two thousand twenty four",
        said(LocalDate.of(2024, 3, 20), Language.ENGLISH));
    assertEquals(
        "July first one thousand nine hundred ninety nine",
        said(LocalDate.of(1999, 7, 1), Language.ENGLISH));
  }

  @Test
  void everyDayOfBothCalendarsHasItsRecordings() {
    for (LocalDate day = LocalDate.of(2023, 3, 1);
        day.isBefore(LocalDate.of(2026, 3, 1));
        day = day.plusDays(1)) {
      for (Language language : Language.values()) {
        for (PromptFile file : SpokenDate.of(day, language).files()) {
          if (!CATALOGUE.contains(file)) {
            throw new AssertionError(day + " needs " + file.id());
          }
        }
      }
    }
  }
}
