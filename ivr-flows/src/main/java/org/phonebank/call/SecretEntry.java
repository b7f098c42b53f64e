// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Arrays;

/**
 * Keys collected as a secret (a PIN): held in a {@code char[]}, never printable, wiped on {@link
 * #close()}. An empty entry means the caller keyed nothing before the timeout.
 */
public final class SecretEntry implements AutoCloseable {

  private final char[] keys;

  public SecretEntry(char[] keys) {
    this.keys = keys.clone();
  }

  public static SecretEntry noInput() {
    return new SecretEntry(new char[0]);
  }

  public boolean entered() {
    return keys.length > 0;
  }

  /** The keys themselves; the array is this entry's own and is wiped by {@link #close()}. */
  public char[] keys() {
    return keys;
  }

  @Override
  public void close() {
    Arrays.fill(keys, '\0');
  }

  @Override
  public String toString() {
    return "SecretEntry[****]";
  }
}
