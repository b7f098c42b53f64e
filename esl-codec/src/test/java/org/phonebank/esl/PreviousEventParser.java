// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The event parser as it was before issue 15 made it decode from the bytes (commit 77f0f2d, {@code
 * EslEvent.parse} and {@code EslUrlCoding.decode}), kept as a test oracle: the new parser must read
 * every input as this one did ({@code EventParserAgreesWithThePreviousOneTest}), and the decoding
 * benchmark measures its garbage beside the new parser's. Secrets left out: they never became
 * Strings in either.
 */
final class PreviousEventParser {

  private static final String CONTENT_LENGTH = "Content-Length";

  private PreviousEventParser() {}

  /** The headers; the event's own body is added to {@code ownBody}. */
  static List<EslHeader> parse(byte[] plainBody, List<byte[]> ownBody) {
    List<String> names = new ArrayList<>();
    List<StringBuilder> values = new ArrayList<>();
    int position = 0;
    while (position < plainBody.length) {
      int end = indexOfLineFeed(plainBody, position);
      String line = new String(plainBody, position, end - position, StandardCharsets.UTF_8);
      position = Math.min(end + 1, plainBody.length);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (isHeaderLine(line, colon)) {
        String name = line.substring(0, colon);
        String value = colon + 2 <= line.length() ? line.substring(colon + 2) : "";
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
          ownBody.add(ownBody(plainBody, position, value));
          return decode(names, values);
        }
        if (names.size() == EslEvent.MAX_HEADERS) {
          throw new IllegalArgumentException(
              "Event with more than " + EslEvent.MAX_HEADERS + " headers.");
        }
        names.add(name);
        values.add(new StringBuilder(value));
      } else if (!values.isEmpty()) {
        values.get(values.size() - 1).append('\n').append(line);
      } else {
        throw new IllegalArgumentException("Event body does not start with a header line.");
      }
    }
    ownBody.add(new byte[0]);
    return decode(names, values);
  }

  private static int indexOfLineFeed(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  /**
   * {@code Name: value} or {@code Name:}; an SDP line such as {@code a=rtpmap:0 PCMU/8000} is not
   * one.
   */
  private static boolean isHeaderLine(String line, int colon) {
    if (colon <= 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '=' || c == '\t') {
        return false;
      }
    }
    return true;
  }

  /** The event's own body: after the blank line that follows its inner Content-Length header. */
  private static byte[] ownBody(byte[] plainBody, int position, String declared) {
    if (!declared.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("Event Content-Length is not a number.");
    }
    int length = Integer.parseInt(declared);
    if (position >= plainBody.length
        || plainBody[position] != '\n'
        || plainBody.length - position - 1 < length) {
      throw new IllegalArgumentException("Event body does not match its Content-Length.");
    }
    return Arrays.copyOfRange(plainBody, position + 1, position + 1 + length);
  }

  private static List<EslHeader> decode(List<String> names, List<StringBuilder> values) {
    List<EslHeader> headers = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      headers.add(new EslHeader(names.get(i), urlDecode(values.get(i).toString())));
    }
    return headers;
  }

  private static String urlDecode(String value) {
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
    char c = value.charAt(index);
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }
}
