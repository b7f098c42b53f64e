// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;

/**
 * What the caller keyed in answer to a {@link DigitCollection}: the keys pressed (terminator
 * removed), or nothing before the timeout. The keys are not validated here; that is the flow's
 * business.
 */
public record KeypadEntry(boolean entered, String keys) {

  public KeypadEntry {
    Objects.requireNonNull(keys, "Keys are required (empty when nothing was entered).");
  }

  public static KeypadEntry of(String keys) {
    return new KeypadEntry(!keys.isEmpty(), keys);
  }

  public static KeypadEntry noInput() {
    return new KeypadEntry(false, "");
  }

  @Override
  public String toString() {
    // Card numbers pass through here: say how many keys, never which.
    return entered ? "KeypadEntry[" + keys.length() + " keys]" : "KeypadEntry[no input]";
  }
}
