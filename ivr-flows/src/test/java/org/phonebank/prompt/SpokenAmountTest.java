// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.phonebank.money.Rials;

class SpokenAmountTest {

  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();

  private static String persian(long rials) {
    return CATALOGUE.textOf(SpokenAmount.of(Rials.of(rials), Language.PERSIAN));
  }

  private static String english(long rials) {
    return CATALOGUE.textOf(SpokenAmount.of(Rials.of(rials), Language.ENGLISH));
  }

  @Test
  void persianJoinsGroupsWithVa() {
    assertEquals("یک میلیون و دویست هزار ریال", persian(1_200_000));
    assertEquals("یک میلیون و دویست و پنجاه هزار ریال", persian(1_250_000));
    assertEquals(
        "نهصد و هشتاد و هفت میلیون و ششصد و پنجاه و چهار هزار و سیصد و بیست و یک ریال",
        persian(987_654_321));
  }

  @Test
  void persianSaysSmallNumbersAsPeopleDo() {
    Map<Long, String> expected =
        Map.ofEntries(
            Map.entry(0L, "صفر ریال"),
            Map.entry(1L, "یک ریال"),
            Map.entry(10L, "ده ریال"),
            Map.entry(11L, "یازده ریال"),
            Map.entry(19L, "نوزده ریال"),
            Map.entry(20L, "بیست ریال"),
            Map.entry(99L, "نود و نه ریال"),
            Map.entry(100L, "صد ریال"),
            Map.entry(101L, "صد و یک ریال"),
            Map.entry(110L, "صد و ده ریال"),
            Map.entry(999L, "نهصد و نود و نه ریال"),
            Map.entry(1_000L, "هزار ریال"),
            Map.entry(1_001L, "هزار و یک ریال"),
            Map.entry(2_000L, "دو هزار ریال"),
            Map.entry(1_000_000L, "یک میلیون ریال"),
            Map.entry(1_001_000L, "یک میلیون و هزار ریال"),
            Map.entry(1_000_000_000L, "یک میلیارد ریال"),
            Map.entry(1_000_000_000_000L, "یک تریلیون ریال"),
            Map.entry(-2_500L, "منفی دو هزار و پانصد ریال"));
    expected.forEach((value, words) -> assertEquals(words, persian(value), "for " + value));
  }

  @Test
  void persianNumberFilesHaveAnAndVariantWhenFollowedByVa() {
    List<String> names =
        SpokenAmount.of(Rials.of(1_250_000), Language.PERSIAN).files().stream()
            .map(PromptFile::name)
            .toList();
    assertEquals(
        List.of(
            "number-1",
            "number-million-and",
            "number-200-and",
            "number-50",
            "number-thousand",
            "rial"),
        names);
  }

  @Test
  void englishHasNoAndAndSaysRialsExceptForOne() {
    assertEquals("one million two hundred fifty thousand rials", english(1_250_000));
    assertEquals("one rial", english(1));
    assertEquals("minus one rial", english(-1));
    assertEquals("zero rials", english(0));
    assertEquals("one thousand one rials", english(1_001));
    assertEquals("one hundred ten rials", english(110));
    assertEquals("nineteen rials", english(19));
    assertEquals("ninety nine rials", english(99));
    assertEquals(
        "nine hundred ninety nine trillion nine hundred ninety nine billion nine hundred ninety nine million"
            + " nine hundred ninety nine thousand nine hundred ninety nine rials",
        english(999_999_999_999_999L));
    assertEquals("minus twelve million rials", english(-12_000_000));
  }

  @Test
  void everyFileSpokenIsInTheCatalogueAndReadsBackAsTheAmount() {
    for (long value : valuesToTry()) {
      for (Language language : Language.values()) {
        Prompt prompt = SpokenAmount.of(Rials.of(value), language);
        for (PromptFile file : prompt.files()) {
          if (!CATALOGUE.contains(file)) {
            fail(
                value
                    + " in "
                    + language
                    + " needs "
                    + file.id()
                    + ", which is not in the catalogue");
          }
        }
        String words = CATALOGUE.textOf(prompt);
        assertEquals(value, WordsReader.read(words, language), () -> "read back: " + words);
      }
    }
  }

  @Test
  void persianVaStandsOnlyBetweenNumberWords() {
    for (long value : valuesToTry()) {
      List<String> words = List.of(persian(value).split(" "));
      String said = String.join(" ", words);
      assertNotEquals("و", words.get(0), said);
      assertEquals("ریال", words.get(words.size() - 1), said);
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i).equals("و")) {
          assertTrue(isNumberWord(words.get(i - 1)), "«و» after a non-number: " + said);
          assertTrue(isNumberWord(words.get(i + 1)), "«و» before a non-number: " + said);
        } else if (SCALES.contains(words.get(i)) && isNumberWord(words.get(i - 1))) {
          assertFalse(SCALES.contains(words.get(i - 1)), "scale after scale: " + said);
        } else if (isNumberWord(words.get(i)) && isNumberWord(words.get(i - 1))) {
          fail("two number words without «و» or a scale between them: " + said);
        }
      }
    }
  }

  @Test
  void theWholeRangeOfLongIsSpoken() {
    assertEquals(Long.MAX_VALUE, WordsReader.read(english(Long.MAX_VALUE), Language.ENGLISH));
    assertEquals(Long.MIN_VALUE, WordsReader.read(english(Long.MIN_VALUE), Language.ENGLISH));
    assertEquals(Long.MIN_VALUE, WordsReader.read(persian(Long.MIN_VALUE), Language.PERSIAN));
  }

  private static final Set<String> SCALES =
      Set.of("هزار", "میلیون", "میلیارد", "تریلیون", "کوادریلیون", "کوینتیلیون");

  private static boolean isNumberWord(String word) {
    return !word.equals("و") && !word.equals("ریال") && !word.equals("منفی");
  }

  private static List<Long> valuesToTry() {
    List<Long> values = new ArrayList<>();
    for (long v = 0; v <= 2_100; v++) {
      values.add(v);
    }
    for (long power = 1_000; power <= 1_000_000_000_000_000L; power *= 10) {
      values.addAll(List.of(power - 1, power, power + 1, power * 11 / 10, -power));
    }
    values.addAll(
        List.of(999_999_999_999_999L, 1_000_001_001L, 1_001_000_000L, 1_000_000_000_001L, -1L));
    Random random = new Random(20261123L);
    for (int i = 0; i < 3_000; i++) {
      long max = 1_000_000_000_000_000L;
      long value = Math.floorMod(random.nextLong(), max);
      values.add(i % 5 == 0 ? -value : value);
      values.add(value % (long) Math.pow(10, 1 + random.nextInt(15)));
    }
    return values.stream().distinct().collect(Collectors.toList());
  }
}
