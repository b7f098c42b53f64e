// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text holding a character that has no recording and is not silent by nature (a letter of another
 * script, a symbol). The message names the characters by code point only, so it can be logged
 * without the text itself (a customer's name).
 */
public final class UnspeakableText extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<Integer> codePoints;

  public UnspeakableText(List<Integer> codePoints) {
    super("No recording for " + described(codePoints) + ".");
    this.codePoints = List.copyOf(codePoints);
  }

  /** The characters without a recording, in order of appearance. */
  public List<Integer> codePoints() {
    return codePoints;
  }

  private static String described(List<Integer> codePoints) {
    return codePoints.stream()
        .distinct()
        .map(c -> String.format("U+%04X", c))
        .collect(Collectors.joining(", "));
  }
}
