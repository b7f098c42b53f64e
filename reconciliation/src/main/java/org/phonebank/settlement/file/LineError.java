// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.file;

import java.util.Objects;

/** One thing wrong with a settlement file, at a line (1-based; 0 for the file as a whole). */
public record LineError(int line, String message) {

  public LineError {
    Objects.requireNonNull(message, "Message is required.");
    if (line < 0) {
      throw new IllegalArgumentException("A line number cannot be negative.");
    }
  }

  @Override
  public String toString() {
    return (line == 0 ? "file" : "line " + line) + ": " + message;
  }
}
