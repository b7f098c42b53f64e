// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text said one character at a time: a reference number digit by digit ("six three two seven …"),
 * and a holder's name letter by letter, since no recording can hold every name. Persian and Latin
 * letters and digits each have a file; anything else (spaces, punctuation, diacritics) is left out.
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
          // Arabic kaf and yeh reach us from systems that do not normalise them.
          Map.entry('ك', "kaf"),
          Map.entry('گ', "gaf"),
          Map.entry('ل', "lam"),
          Map.entry('م', "mim"),
          Map.entry('ن', "nun"),
          Map.entry('و', "vav"),
          Map.entry('ؤ', "vav"),
          Map.entry('ه', "he"),
          Map.entry('ة', "he"),
          Map.entry('ی', "ye"),
          Map.entry('ي', "ye"),
          Map.entry('ئ', "ye"),
          Map.entry('ء', "hamze"));

  private SpokenCharacters() {}

  /** Each character of {@code text} that has a recording; empty when none has. */
  public static List<PromptFile> of(String text, Language language) {
    List<PromptFile> files = new ArrayList<>();
    for (char c : text.toCharArray()) {
      String name = fileFor(c);
      if (name != null) {
        files.add(new PromptFile(language, name));
      }
    }
    return files;
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
    if (c >= '٠' && c <= '٩') {
      return "number-" + (c - '٠');
    }
    if (c >= '۰' && c <= '۹') {
      return "number-" + (c - '۰');
    }
    char lower = Character.toLowerCase(c);
    if (lower >= 'a' && lower <= 'z') {
      return "letter-en-" + lower;
    }
    String persian = PERSIAN_LETTERS.get(c);
    return persian == null ? null : "letter-fa-" + persian;
  }
}
