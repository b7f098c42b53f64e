// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.util.Objects;

/** One {@code Name: value} line of an Event Socket frame, command or event. */
public record EslHeader(String name, String value) {

  public EslHeader {
    Objects.requireNonNull(name, "Header name is required.");
    Objects.requireNonNull(value, "Header value is required.");
    if (name.isEmpty() || name.indexOf(':') >= 0 || hasLineBreak(name)) {
      throw new IllegalArgumentException(
          "Header name must be non-empty, without colon or line break.");
    }
  }

  static boolean hasLineBreak(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }

  @Override
  public String toString() {
    // Values carry channel variables, collected digits among them: only the name may be printed.
    return "EslHeader[" + name + "]";
  }
}
