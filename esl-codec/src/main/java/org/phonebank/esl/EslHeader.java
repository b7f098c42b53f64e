// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * The value of the first header called {@code name} in {@code headers}, ignoring case as
   * FreeSWITCH does.
   */
  static Optional<String> first(List<EslHeader> headers, String name) {
    for (EslHeader header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
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
