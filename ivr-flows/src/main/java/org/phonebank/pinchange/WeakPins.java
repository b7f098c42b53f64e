// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.pinchange;

import java.util.Arrays;
import org.phonebank.card.TelephonePin;

/**
 * PINs too easy to guess to be chosen: one digit repeated (1111), a run up or down (1234, 9876,
 * also across 9 to 0 as on the keypad's order: 7890), two digits alternating (1212) or paired
 * (1122).
 */
public final class WeakPins {

  private WeakPins() {}

  public static boolean isWeak(TelephonePin pin) {
    return pin.reveal(WeakPins::isWeak);
  }

  static boolean isWeak(char[] digits) {
    return repeated(digits)
        || run(digits, 1)
        || run(digits, -1)
        || alternating(digits)
        || paired(digits);
  }

  /** True when both PINs hold the same digits; neither is revealed beyond this comparison. */
  public static boolean same(TelephonePin a, TelephonePin b) {
    return a.reveal(x -> b.reveal(y -> Arrays.equals(x, y)));
  }

  private static boolean repeated(char[] d) {
    for (int i = 1; i < d.length; i++) {
      if (d[i] != d[0]) {
        return false;
      }
    }
    return true;
  }

  private static boolean run(char[] d, int step) {
    for (int i = 1; i < d.length; i++) {
      if (Math.floorMod(d[i] - d[i - 1], 10) != Math.floorMod(step, 10)) {
        return false;
      }
    }
    return true;
  }

  private static boolean alternating(char[] d) {
    for (int i = 2; i < d.length; i++) {
      if (d[i] != d[i - 2]) {
        return false;
      }
    }
    return true;
  }

  private static boolean paired(char[] d) {
    if (d.length % 2 != 0) {
      return false;
    }
    for (int i = 0; i < d.length; i += 2) {
      if (d[i] != d[i + 1]) {
        return false;
      }
    }
    return true;
  }
}
