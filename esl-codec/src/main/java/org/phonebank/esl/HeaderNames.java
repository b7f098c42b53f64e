// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import java.nio.charset.StandardCharsets;

/**
 * The header names of events, made once and shared: every channel event carries the same two
 * hundred or so names ({@code variable_sip_from_user}, {@code Caller-Unique-ID} ...), and making
 * each anew was a third of the decoding garbage. Only names are kept, never values: a value may
 * hold collected digits, and this table lives as long as the JVM.
 *
 * <p>A fixed table of {@value #SLOTS} slots indexed by a hash of the bytes; a slot taken by another
 * name is overwritten, so the table never grows, whatever names a peer sends. Threads share it
 * without locks: a slot holds an immutable String or null, and a lost write only costs a copy.
 */
final class HeaderNames {

  private static final int SLOTS = 4096;
  private static final int LONGEST = 64;

  private static final String[] TABLE = new String[SLOTS];

  private HeaderNames() {}

  /** The ASCII name in {@code bytes[from, to)}; others (long or not ASCII) are made each time. */
  static String of(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > LONGEST) {
      return new String(bytes, from, length, StandardCharsets.UTF_8);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b < 0) {
        return new String(bytes, from, length, StandardCharsets.UTF_8);
      }
      hash = 31 * hash + b;
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = TABLE[slot];
    if (cached != null && sameAs(cached, bytes, from, length)) {
      return cached;
    }
    String name = new String(bytes, from, length, StandardCharsets.US_ASCII);
    TABLE[slot] = name;
    return name;
  }

  private static boolean sameAs(String name, byte[] bytes, int from, int length) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name.charAt(i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }
}
