// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.lockout;

/** Consecutive wrong PINs so far and whether the card is now locked. */
public record LockoutState(int wrongPins, boolean locked) {

  public LockoutState {
    if (wrongPins < 0) {
      throw new IllegalArgumentException("Wrong PIN count cannot be negative.");
    }
  }
}
