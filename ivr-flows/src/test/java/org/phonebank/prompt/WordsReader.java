// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads spoken words back into a number, the way a listener would, so the test checks what the
 * caller hears without repeating how {@link SpokenNumber} builds it. Built from its own word lists,
 * not the catalogue.
 */
final class WordsReader {

  private static final Map<String, Long> PERSIAN = new HashMap<>();
  private static final Map<String, Long> ENGLISH = new HashMap<>();

  static {
    String[] faUnits = {
      "صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده",
      "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"
    };
    String[] faTens = {"بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"};
    String[] faHundreds = {
      "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"
    };
    String[] faScales = {"هزار", "میلیون", "میلیارد", "تریلیون", "کوادریلیون", "کوینتیلیون"};
    String[] enUnits = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    String[] enTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };
    String[] enScales = {
      "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"
    };
    for (int i = 0; i < 20; i++) {
      PERSIAN.put(faUnits[i], (long) i);
      ENGLISH.put(enUnits[i], (long) i);
    }
    for (int i = 0; i < 8; i++) {
      PERSIAN.put(faTens[i], 20L + 10 * i);
      ENGLISH.put(enTens[i], 20L + 10 * i);
    }
    for (int i = 0; i < 9; i++) {
      PERSIAN.put(faHundreds[i], 100L * (i + 1));
    }
    long scale = 1;
    for (int i = 0; i < 6; i++) {
      scale *= 1000;
      PERSIAN.put(faScales[i], -scale);
      ENGLISH.put(enScales[i], -scale);
    }
  }

  private WordsReader() {}

  /** Reads "... ریال" or "... rials"; fails on any word a listener would not understand. */
  static long read(String words, Language language) {
    Map<String, Long> vocabulary = language == Language.PERSIAN ? PERSIAN : ENGLISH;
    boolean negative = false;
    // Accumulate negatively so Long.MIN_VALUE fits.
    long total = 0;
    long group = 0;
    for (String word : words.split(" ")) {
      if (word.equals("منفی") || word.equals("minus")) {
        negative = true;
      } else if (word.equals("hundred")) {
        group *= 100;
      } else if (word.equals("و") || word.equals("ریال") || word.startsWith("rial")) {
        continue;
      } else if (!vocabulary.containsKey(word)) {
        throw new IllegalArgumentException("Unknown word '" + word + "' in: " + words);
      } else if (vocabulary.get(word) < 0) {
        long scale = -vocabulary.get(word);
        total -= (group == 0 ? 1 : group) * scale;
        group = 0;
      } else {
        group += vocabulary.get(word);
      }
    }
    total -= group;
    return negative ? total : -total;
  }
}
