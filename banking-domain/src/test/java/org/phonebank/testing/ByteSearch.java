// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

/** Whether a byte sequence stands anywhere in an array: how tests look for secrets in memory. */
public final class ByteSearch {

  private ByteSearch() {}

  /** True when {@code needle} occurs in {@code haystack} at some offset. */
  public static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
