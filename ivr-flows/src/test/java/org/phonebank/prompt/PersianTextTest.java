// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersianTextTest {

  @Test
  void alefMaksuraWrittenForAFinalYehBecomesPersianYeh() {
    // «مصطفى کریمى» as Iranian banks' data often has it: U+0649 at the end of both names.
    assertEquals("مصطفی کریمی", PersianText.normalise("مصطف\u0649 کریم\u0649"));
  }

  @Test
  void arabicYehAndKafBecomePersian() {
    assertEquals("علی کریمی", PersianText.normalise("علي كريمي"));
  }

  @Test
  void hehWithYehAboveBecomesHehAndHamzaAsInTheIranianStandard() {
    assertEquals("\u062E\u0627\u0646\u0647\u0654", PersianText.normalise("خانۀ"));
  }

  @Test
  void digitsOfEveryScriptBecomeAscii() {
    assertEquals("1405 0123", PersianText.normalise("۱۴۰۵ ٠١٢٣"));
  }

  @Test
  void tatweelAndInvisibleFormattingGoAndJoinersAreKeptOnlyBetweenLetters() {
    assertEquals(
        "محمد\u200Cحسین احمدی",
        PersianText.normalise("\u200Fمحـــمد\u200C\u200Cحسین \u200Cاحمدی\u200C\u200B  "));
  }

  @Test
  void presentationFormsAndNoBreakSpacesFoldToLettersAndSpaces() {
    // ﻙ (U+FED9) is kaf's isolated presentation form: NFKC gives U+0643, then Persian kaf.
    assertEquals("ک ا", PersianText.normalise("\uFED9\u00A0\uFE8D"));
  }

  @Test
  void latinTextIsLeftAsItIs() {
    assertEquals("Sara Ahmadi", PersianText.normalise("  Sara\tAhmadi "));
  }
}
