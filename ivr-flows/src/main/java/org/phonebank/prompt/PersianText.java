// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.Map;
import java.util.Objects;

/**
 * Persian text as the phone bank speaks and shows it: the one place where text from outside (a
 * holder's name from the switch) is brought to the standard Persian form, before it is spelled,
 * synthesised or printed. Iranian banks' data often carries Arabic-form letters and stray
 * formatting; each of these would otherwise be skipped, mispronounced or shown twice differently.
 *
 * <ol>
 *   <li>Unicode NFKC (ICU4J): Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) become the
 *       base letters, no-break and other compatibility spaces become spaces;
 *   <li>Arabic yeh {@code ي} (U+064A), alef maksura {@code ى} (U+0649), Farsi-yeh variants become
 *       Persian {@code ی} (U+06CC); Arabic kaf {@code ك} (U+0643) becomes {@code ک} (U+06A9);
 *       {@code ۀ} (U+06C0) becomes {@code هٔ} (U+0647 U+0654), the form of the Iranian standard
 *       ISIRI 6219; teh marbuta {@code ة}, ae {@code ە}, heh goal and heh doachashmee become {@code
 *       ه};
 *   <li>every decimal digit (Arabic-Indic U+0660-U+0669, Persian U+06F0-U+06F9, ...) becomes the
 *       ASCII digit of the same value;
 *   <li>tatweel (U+0640), zero-width spaces and joiners, bidirectional controls and soft hyphens
 *       are removed; a zero-width non-joiner (U+200C) is kept once between two letters and dropped
 *       elsewhere;
 *   <li>runs of white space become one space, and the ends are trimmed.
 * </ol>
 */
public final class PersianText {

  public static final char ZWNJ = '\u200C';

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  private static final Map<Character, String> LETTERS =
      Map.ofEntries(
          Map.entry('\u064A', "\u06CC"), // Arabic yeh
          Map.entry('\u0649', "\u06CC"), // alef maksura, written for a final Persian yeh
          Map.entry('\u06CD', "\u06CC"), // yeh with tail
          Map.entry('\u06D0', "\u06CC"), // e
          Map.entry('\u0643', "\u06A9"), // Arabic kaf
          Map.entry('\u06AA', "\u06A9"), // swash kaf
          Map.entry('\u06C0', "\u0647\u0654"), // heh with yeh above
          Map.entry('\u0629', "\u0647"), // teh marbuta
          Map.entry('\u06D5', "\u0647"), // ae
          Map.entry('\u06C1', "\u0647"), // heh goal
          Map.entry('\u06BE', "\u0647")); // heh doachashmee

  private PersianText() {}

  /** {@code text} in the standard Persian form described above; never null. */
  public static String normalise(String text) {
    Objects.requireNonNull(text, "Text is required.");
    String folded = NFKC.normalize(text);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (removed(c)) {
        continue;
      }
      int digit = UCharacter.digit(c, 10);
      if (digit >= 0 && UCharacter.getType(c) == UCharacter.DECIMAL_DIGIT_NUMBER) {
        out.append((char) ('0' + digit));
      } else if (UCharacter.isUWhiteSpace(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else if (c < 0x10000 && LETTERS.containsKey((char) c)) {
        out.append(LETTERS.get((char) c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return tidyJoiners(out).trim();
  }

  /** Tatweel and invisible formatting that carries nothing a caller hears or reads. */
  private static boolean removed(int c) {
    return c == 0x0640 // tatweel
        || c == 0x200B // zero-width space
        || c == 0x200D // zero-width joiner
        || c == 0x00AD // soft hyphen
        || c == 0xFEFF // byte-order mark / zero-width no-break space
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** Keeps a ZWNJ only once, and only between two letters (or a letter and its marks). */
  private static String tidyJoiners(StringBuilder text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ZWNJ) {
        out.append(c);
        continue;
      }
      boolean afterLetter = out.length() > 0 && joinable(out.charAt(out.length() - 1));
      int next = i + 1;
      while (next < text.length() && text.charAt(next) == ZWNJ) {
        next++;
      }
      boolean beforeLetter = next < text.length() && Character.isLetter(text.charAt(next));
      if (afterLetter && beforeLetter) {
        out.append(ZWNJ);
      }
      i = next - 1;
    }
    return out.toString();
  }

  private static boolean joinable(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
