// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

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
    // Values from FreeSWITCH are ASCII (it escapes every other byte): one array, one String.
    byte[] bytes = isAscii(value) ? asciiBytes(value) : value.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes the bytes {@code [from, to)} of a header value as {@link #decode(String)} decodes its
   * text, without an intermediate String: escapes are read from the bytes, and the result is made
   * from them as UTF-8 once (malformed sequences become U+FFFD, as {@link String} makes them).
   */
  public static String decode(byte[] bytes, int from, int to) {
    int percent = indexOf(bytes, (byte) '%', from, to);
    if (percent < 0) {
      return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] decoded = new byte[to - from];
    int length = percent - from;
    System.arraycopy(bytes, from, decoded, 0, length);
    for (int i = percent; i < to; i++) {
      byte b = bytes[i];
      if (b == '%' && i + 2 < to && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        decoded[length++] = (byte) (hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]));
        i += 2;
      } else {
        decoded[length++] = b;
      }
    }
    return new String(decoded, 0, length, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static byte[] asciiBytes(String value) {
    byte[] bytes = new byte[value.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) value.charAt(i);
    }
    return bytes;
  }

  /** ASCII hex digits only: Character.digit would also accept Persian and Arabic-Indic digits. */
  static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
  }

  static int hexValue(byte b) {
    return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
  }
}
