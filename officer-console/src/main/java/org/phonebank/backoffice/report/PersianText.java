// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Persian text made ready for a PDF content stream, which draws glyphs left to right exactly as
 * given and (in PDFBox) substitutes no contextual forms: ICU4J's {@code ArabicShaping} picks each
 * letter's joined form (Arabic Presentation Forms A and B, which Noto Sans Arabic maps), then ICU's
 * {@code Bidi} (UAX #9) puts the line in visual order, right-to-left runs reversed and numbers and
 * Latin words kept left to right. The zero-width non-joiner stays (the font has it, so a reader
 * copies the word as typed); a joiner has done its work once shaped and is dropped, as are the bidi
 * marks.
 */
final class PersianText {

  private static final ArabicShaping SHAPING =
      new ArabicShaping(
          ArabicShaping.LETTERS_SHAPE
              | ArabicShaping.TEXT_DIRECTION_LOGICAL
              | ArabicShaping.LENGTH_GROW_SHRINK);

  private PersianText() {}

  /**
   * {@code logical} (as typed, first character first) in visual order, left to right, shaped.
   *
   * @param rightToLeft the paragraph's direction: true for a Persian line, false for an English one
   */
  static String visual(String logical, boolean rightToLeft) {
    String shaped;
    try {
      shaped = SHAPING.shape(logical);
    } catch (ArabicShapingException e) {
      throw new IllegalArgumentException("Cannot shape '" + logical + "'.", e);
    }
    Bidi bidi = new Bidi(shaped, rightToLeft ? Bidi.RTL : Bidi.LTR);
    String visual = bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    return visual.replace("\u200d", "");
  }

  /** True for a character set in the Persian font: Arabic script and its presentation forms. */
  static boolean isArabicScript(char c) {
    return (c >= '\u0600' && c <= '\u06FF')
        || (c >= '\uFB50' && c <= '\uFDFF')
        || (c >= '\uFE70' && c <= '\uFEFF')
        || c == '\u200c';
  }
}
