// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks a card acceptor terminal id (ISO 8583 field 41, ans8) before it becomes part of a key. */
final class TerminalIds {

  private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,8}");

  private TerminalIds() {}

  static String checked(String terminalId) {
    Objects.requireNonNull(terminalId, "Terminal id is required.");
    if (!FORMAT.matcher(terminalId).matches()) {
      throw new IllegalArgumentException(
          "A terminal id is 1 to 8 printable characters without spaces.");
    }
    return terminalId;
  }
}
