// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole number as recorded word files, for any {@code long}. FreeSWITCH's say modules stop at
 * nine digits (no «میلیارد»), and rial balances often pass that, so the app composes the files
 * itself.
 *
 * <p>Persian joins every word to the next with «و» except a group's last word and its scale word:
 * 1,250,000 is «یک میلیون و دویست و پنجاه هزار». As in mod_say_fa, a word followed by «و» has its
 * own recording, named with {@code -and} ({@code number-200-and} says «دویست و»), so the files read
 * naturally back to back. A lone thousand is «هزار», not «یک هزار», as people say it. English has
 * no «و»: "one million two hundred fifty thousand".
 */
public final class SpokenNumber {

  /** Short-scale names of 10^3k; a {@code long} reaches the quintillions. */
  private static final String[] SCALES = {
    "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"
  };

  private SpokenNumber() {}

  public static Prompt of(long value, Language language) {
    List<String> names = language == Language.PERSIAN ? persian(value) : english(value);
    List<PromptFile> files = new ArrayList<>(names.size());
    for (String name : names) {
      files.add(new PromptFile(language, name));
    }
    return new Prompt(files);
  }

  private static List<String> persian(long value) {
    if (value == 0) {
      return List.of("number-0");
    }
    List<String> words = new ArrayList<>();
    // Indices of scale words said right after their group's number, with no «و» before them.
    Set<Integer> attachedScales = new HashSet<>();
    int[] groups = groupsOf(value);
    for (int scale = groups.length - 1; scale >= 0; scale--) {
      int group = groups[scale];
      if (group == 0) {
        continue;
      }
      boolean loneThousand = scale == 1 && group == 1;
      if (!loneThousand) {
        belowThousand(group, false, words);
      }
      if (scale > 0) {
        if (!loneThousand) {
          attachedScales.add(words.size());
        }
        words.add("number-" + SCALES[scale]);
      }
    }
    List<String> names = new ArrayList<>();
    if (value < 0) {
      names.add("minus");
    }
    for (int i = 0; i < words.size(); i++) {
      boolean joinedToNext = i + 1 < words.size() && !attachedScales.contains(i + 1);
      names.add(joinedToNext ? words.get(i) + "-and" : words.get(i));
    }
    return names;
  }

  private static List<String> english(long value) {
    if (value == 0) {
      return List.of("number-0");
    }
    List<String> names = new ArrayList<>();
    if (value < 0) {
      names.add("minus");
    }
    int[] groups = groupsOf(value);
    for (int scale = groups.length - 1; scale >= 0; scale--) {
      if (groups[scale] == 0) {
        continue;
      }
      belowThousand(groups[scale], true, names);
      if (scale > 0) {
        names.add("number-" + SCALES[scale]);
      }
    }
    return names;
  }

  /**
   * Words for 1..999. Persian has a word per hundred (دویست); English says "two hundred" as two
   * words.
   */
  private static void belowThousand(int group, boolean english, List<String> words) {
    int hundreds = group / 100;
    int rest = group % 100;
    if (hundreds > 0 && english) {
      words.add("number-" + hundreds);
      words.add("number-hundred");
    } else if (hundreds > 0) {
      words.add("number-" + hundreds * 100);
    }
    if (rest >= 20) {
      words.add("number-" + rest / 10 * 10);
      rest %= 10;
    }
    if (rest > 0) {
      words.add("number-" + rest);
    }
  }

  /**
   * Groups of three digits of |value|, least significant first; safe for {@code Long.MIN_VALUE}.
   */
  private static int[] groupsOf(long value) {
    int[] groups = new int[SCALES.length];
    long rest = value;
    for (int i = 0; rest != 0; i++) {
      groups[i] = (int) Math.abs(rest % 1000);
      rest /= 1000;
    }
    return groups;
  }
}
