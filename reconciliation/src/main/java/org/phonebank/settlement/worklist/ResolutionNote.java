// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.util.Objects;

/**
 * What the back-office user says about a resolution: 1 to {@value #MAX} characters of plain text,
 * no markup ({@code <}, {@code >}) and no control characters but line breaks, so that it can never
 * be shown as markup by any page or report that prints it.
 */
public record ResolutionNote(String text) {

  public static final int MAX = 500;

  public ResolutionNote {
    Objects.requireNonNull(text, "A note is required.");
    text = text.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Say why: a note is required.");
    }
    if (text.length() > MAX) {
      throw new IllegalArgumentException("A note is at most " + MAX + " characters.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>') {
        throw new IllegalArgumentException("A note is plain text: no < or >.");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\r') {
        throw new IllegalArgumentException("A note holds no control characters.");
      }
    }
  }
}
