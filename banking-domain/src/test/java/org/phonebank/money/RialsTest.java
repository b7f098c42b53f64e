// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RialsTest {

  @Test
  void addsAndSubtractsWholeRials() {
    assertEquals(Rials.of(1_250_000), Rials.of(1_000_000).plus(Rials.of(250_000)));
    assertTrue(Rials.of(5).minus(Rials.of(7)).isNegative());
  }

  @Test
  void refusesToOverflowSilently() {
    assertThrows(ArithmeticException.class, () -> Rials.of(Long.MAX_VALUE).plus(Rials.of(1)));
  }
}
