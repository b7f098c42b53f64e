// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding FreeSWITCH applies to header values of plain events and of the {@code
 * connect} reply ({@code switch_url_encode}): bytes below space, above {@code ~} and the characters
 * of {@code SWITCH_URL_UNSAFE} become {@code %XX}. Unlike HTML forms, {@code +} is not a space:
 * "+OK\n" is sent as {@code %2BOK%0A}.
 */
public final class EslUrlCoding {

  private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private EslUrlCoding() {}

  public static String encode(String value) {
    StringBuilder encoded = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int unsigned = b & 0xFF;
      if (unsigned < 0x20 || unsigned > 0x7E || UNSAFE.indexOf(unsigned) >= 0) {
        encoded.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0x0F]);
      } else {
        encoded.append((char) unsigned);
      }
    }
    return encoded.toString();
  }

  /**
   * Decodes {@code %XX} escapes as UTF-8 bytes. A {@code %} not followed by two hex digits is kept
   * as it is, as FreeSWITCH's own decoder does, so an already decoded value (a printed event)
   * survives.
   */
  public static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '%' && isHex(value, i + 1) && isHex(value, i + 2)) {
        bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
        i += 3;
      } else {
        int end = i + Character.charCount(value.codePointAt(i));
        bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String value, int index) {
    if (index >= value.length()) {
      return false;
    }
    // ASCII only: Character.digit would also accept Persian and Arabic-Indic digits.
    char c = value.charAt(index);
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }
}
