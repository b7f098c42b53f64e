// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Arrays;
import java.util.Objects;
import org.phonebank.call.KeypadEntry.Ending;

/**
 * Keys collected as a secret (a PIN, a card number): held in a {@code char[]}, never printable,
 * wiped on {@link #close()}, with how the entry ended ({@link Ending}).
 */
public final class SecretEntry implements AutoCloseable {

  private final Ending ending;
  private final char[] keys;

  /** Keys ended by {@code #} (or nothing when {@code keys} is empty). */
  public SecretEntry(char[] keys) {
    this(keys.length == 0 ? Ending.NOTHING : Ending.TERMINATED, keys);
  }

  public SecretEntry(Ending ending, char[] keys) {
    this.ending = Objects.requireNonNull(ending, "Ending is required.");
    if (ending.keyed() == (keys.length == 0)) {
      throw new IllegalArgumentException("A secret entry's keys must match its ending.");
    }
    this.keys = keys.clone();
  }

  public static SecretEntry noInput() {
    return new SecretEntry(Ending.NOTHING, new char[0]);
  }

  /** True when the caller keyed at least one digit or star, however the entry ended. */
  public boolean entered() {
    return ending.keyed();
  }

  public Ending ending() {
    return ending;
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
    return "SecretEntry[" + ending + ", ****]";
  }
}
