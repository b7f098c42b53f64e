// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

/** Reads a Content-Length value strictly: decimal digits only, no sign, at most nine of them. */
final class ContentLength {

  private ContentLength() {}

  /** The length, or -1 when the value is not a plain decimal number. */
  static int parse(String value) {
    String digits = value.trim();
    if (digits.isEmpty() || digits.length() > 9) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }
}
