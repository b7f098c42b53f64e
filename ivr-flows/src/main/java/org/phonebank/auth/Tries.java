// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.auth;

/**
 * How many more times one caller may get one question wrong. Mutable and per call: a card the
 * switch does not recognise spends from the same tries as a mistyped one.
 */
public final class Tries {

  private final int allowed;
  private int failed;

  public Tries(int allowed) {
    if (allowed < 1) {
      throw new IllegalArgumentException("At least one try must be allowed.");
    }
    this.allowed = allowed;
  }

  /** Counts one failed try. */
  public void fail() {
    failed++;
  }

  public boolean exhausted() {
    return failed >= allowed;
  }
}
