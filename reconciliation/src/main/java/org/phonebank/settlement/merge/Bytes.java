// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plain big-endian layout of a payload, written and read by hand: a run encodes and decodes two
 * million of them, where {@code DataOutputStream} costs a stream and a lock each.
 */
final class Bytes {

  private Bytes() {}

  /** Appends fields to a buffer that grows as needed. */
  static final class Out {
    private byte[] buffer = new byte[128];
    private int size;

    private void room(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }

    Out putInt(int value) {
      room(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
      return this;
    }

    Out putLong(long value) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (value >>> shift);
      }
      return this;
    }

    Out putBoolean(boolean value) {
      room(1);
      buffer[size++] = (byte) (value ? 1 : 0);
      return this;
    }

    /** UTF-8, after its length in two bytes. */
    Out putString(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > 0xFFFF) {
        throw new IllegalArgumentException("A payload text is at most 65535 bytes.");
      }
      room(2 + utf8.length);
      buffer[size++] = (byte) (utf8.length >>> 8);
      buffer[size++] = (byte) utf8.length;
      System.arraycopy(utf8, 0, buffer, size, utf8.length);
      size += utf8.length;
      return this;
    }

    byte[] toArray() {
      return Arrays.copyOf(buffer, size);
    }
  }

  /** Reads fields back in the order they were put. */
  static final class In {
    private final byte[] buffer;
    private int at;

    In(byte[] buffer) {
      this.buffer = buffer;
    }

    int getInt() {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = value << 8 | (buffer[at++] & 0xFF);
      }
      return value;
    }

    long getLong() {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = value << 8 | (buffer[at++] & 0xFF);
      }
      return value;
    }

    boolean getBoolean() {
      return buffer[at++] != 0;
    }

    String getString() {
      int length = (buffer[at] & 0xFF) << 8 | (buffer[at + 1] & 0xFF);
      String value = new String(buffer, at + 2, length, StandardCharsets.UTF_8);
      at += 2 + length;
      return value;
    }
  }
}
