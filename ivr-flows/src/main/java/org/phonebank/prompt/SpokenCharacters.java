// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text said one character at a time: a reference number digit by digit ("six three two seven …"),
 * and a holder's name letter by letter when it cannot be spoken as a name. The text is first
 * brought to the standard Persian form ({@link PersianText}), so Arabic-form letters are read as
 * the Persian letters they stand for. Persian and Latin letters and digits each have a file;
 * spaces, punctuation, joiners and diacritics are silent by nature and left out. Any other
 * character (a letter of another script, a symbol) is never dropped silently: the text is refused
 * with {@link UnspeakableText}, since a name read back without one of its letters is another name.
 */
public final class SpokenCharacters {

  private static final Map<Character, String> PERSIAN_LETTERS =
      Map.ofEntries(
          Map.entry('ا', "alef"),
          Map.entry('آ', "alef-madda"),
          Map.entry('أ', "alef"),
          Map.entry('إ', "alef"),
          Map.entry('ب', "be"),
          Map.entry('پ', "pe"),
          Map.entry('ت', "te"),
          Map.entry('ث', "se"),
          Map.entry('ج', "jim"),
          Map.entry('چ', "che"),
          Map.entry('ح', "he-jimi"),
          Map.entry('خ', "khe"),
          Map.entry('د', "dal"),
          Map.entry('ذ', "zal"),
          Map.entry('ر', "re"),
          Map.entry('ز', "ze"),
          Map.entry('ژ', "zhe"),
          Map.entry('س', "sin"),
          Map.entry('ش', "shin"),
          Map.entry('ص', "sad"),
          Map.entry('ض', "zad"),
          Map.entry('ط', "ta"),
          Map.entry('ظ', "za"),
          Map.entry('ع', "eyn"),
          Map.entry('غ', "gheyn"),
          Map.entry('ف', "fe"),
          Map.entry('ق', "ghaf"),
          Map.entry('ک', "kaf"),
          Map.entry('گ', "gaf"),
          Map.entry('ل', "lam"),
          Map.entry('م', "mim"),
          Map.entry('ن', "nun"),
          Map.entry('و', "vav"),
          Map.entry('ؤ', "vav"),
          Map.entry('ه', "he"),
          Map.entry('ی', "ye"),
          Map.entry('ئ', "ye"),
          Map.entry('ء', "hamze"));

  private SpokenCharacters() {}

  /**
   * One file per letter or digit of {@code text} (normalised first); empty when the text has only
   * silent characters.
   *
   * @throws UnspeakableText when a character that is neither silent nor recorded is in the text
   */
  public static List<PromptFile> of(String text, Language language) {
    String normal = PersianText.normalise(text);
    List<PromptFile> files = new ArrayList<>();
    List<Integer> unspeakable = new ArrayList<>();
    for (int i = 0; i < normal.length(); ) {
      int c = normal.codePointAt(i);
      i += Character.charCount(c);
      String name = c < 0x10000 ? fileFor((char) c) : null;
      if (name != null) {
        files.add(new PromptFile(language, name));
      } else if (!silent(c)) {
        unspeakable.add(c);
      }
    }
    if (!unspeakable.isEmpty()) {
      throw new UnspeakableText(unspeakable);
    }
    return files;
  }

  /** Characters a speller rightly says nothing for: spaces, punctuation, joiners, diacritics. */
  private static boolean silent(int c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || c == PersianText.ZWNJ
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.CONNECTOR_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION;
  }

  /** A reference number (an RRN), digit by digit, so the caller can write it down. */
  public static Prompt reference(String reference, Language language) {
    List<PromptFile> files = of(reference, language);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A reference number needs at least one letter or digit.");
    }
    return new Prompt(files);
  }

  private static String fileFor(char c) {
    if (c >= '0' && c <= '9') {
      return "number-" + c;
    }
    char lower = Character.toLowerCase(c);
    if (lower >= 'a' && lower <= 'z') {
      return "letter-en-" + lower;
    }
    String persian = PERSIAN_LETTERS.get(c);
    return persian == null ? null : "letter-fa-" + persian;
  }
}
