// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A user name and password read from an {@code application/x-www-form-urlencoded} sign-in body
 * ({@code username=...&password=...}), the password kept as characters that {@link #close} wipes,
 * never as a String (which the servlet API's {@code getParameter} would make, and which no one can
 * wipe). Malformed bodies give an empty user name.
 */
public final class FormCredentials implements AutoCloseable {

  /** Longest body read: a user name and a password, not a document. */
  public static final int MAX_BODY = 4096;

  private final String user;
  private final char[] password;

  private FormCredentials(String user, char[] password) {
    this.user = user;
    this.password = password;
  }

  public static FormCredentials parse(byte[] body) {
    String user = "";
    char[] password = new char[0];
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start);
      int equals = indexOf(body, (byte) '=', start);
      if (equals > start && equals < end) {
        String name = new String(body, start, equals - start, StandardCharsets.US_ASCII);
        char[] value = decode(body, equals + 1, end);
        if (name.equals("username")) {
          user = new String(value);
          Arrays.fill(value, '\0');
        } else if (name.equals("password")) {
          Arrays.fill(password, '\0');
          password = value;
        } else {
          Arrays.fill(value, '\0');
        }
      }
      start = end + 1;
    }
    return new FormCredentials(user, password);
  }

  public String user() {
    return user;
  }

  /** The password itself, valid until {@link #close}. */
  public char[] password() {
    return password;
  }

  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "FormCredentials[user=" + user + ", password=***]";
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return bytes.length;
  }

  /** Percent-decoding and {@code +} as space, then UTF-8; malformed gives an empty value. */
  private static char[] decode(byte[] body, int from, int to) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(to - from);
    byte[] bytes = null;
    try {
      for (int i = from; i < to; i++) {
        byte b = body[i];
        if (b == '+') {
          raw.write(' ');
        } else if (b == '%') {
          if (i + 2 >= to) {
            return new char[0];
          }
          int high = Character.digit(body[i + 1], 16);
          int low = Character.digit(body[i + 2], 16);
          if (high < 0 || low < 0) {
            return new char[0];
          }
          raw.write(high * 16 + low);
          i += 2;
        } else {
          raw.write(b);
        }
      }
      bytes = raw.toByteArray();
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } catch (CharacterCodingException e) {
      return new char[0];
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
      // ByteArrayOutputStream keeps its own buffer: overwrite it through reset and rewrite.
      int size = raw.size();
      raw.reset();
      for (int i = 0; i < size; i++) {
        raw.write(0);
      }
    }
  }
}
