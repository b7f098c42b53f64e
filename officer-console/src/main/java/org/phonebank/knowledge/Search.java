// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How text is compared when officers search: case-insensitive, and Persian as officers type it on
 * any keyboard. Arabic yeh and kaf (U+064A, U+0643, which Arabic keyboard layouts give) match
 * Persian yeh and keheh (U+06CC, U+06A9); Persian and Arabic-Indic digits match ASCII digits; a
 * zero-width non-joiner (the half-space of {@code می‌شود}) and any run of spaces count as one
 * space.
 */
final class Search {

  private Search() {}

  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u200c') {
        space = true;
        continue;
      }
      if (space && folded.length() > 0) {
        folded.append(' ');
      }
      space = false;
      folded.append(fold(c));
    }
    return folded.toString().toLowerCase(Locale.ROOT);
  }

  private static char fold(char c) {
    if (c >= '\u06f0' && c <= '\u06f9') {
      return (char) ('0' + (c - '\u06f0'));
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    return switch (c) {
      case '\u064a', '\u0649' -> '\u06cc';
      case '\u0643' -> '\u06a9';
      default -> c;
    };
  }

  /** The words of a query, folded; empty for a blank one. */
  static List<String> words(String query) {
    String folded = fold(query == null ? "" : query);
    return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
  }
}
