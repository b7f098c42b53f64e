// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.pinchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeakPinsTest {

  @Test
  void repeatedRunsAlternatingAndPairedPinsAreWeak() {
    for (String weak :
        new String[] {"1111", "0000", "1234", "4321", "7890", "0987", "1212", "1122"}) {
      assertTrue(WeakPins.isWeak(weak.toCharArray()), weak);
    }
  }

  @Test
  void ordinaryPinsAreNot() {
    for (String fine : new String[] {"7391", "2580", "1357", "9024", "1123"}) {
      assertFalse(WeakPins.isWeak(fine.toCharArray()), fine);
    }
  }
}
