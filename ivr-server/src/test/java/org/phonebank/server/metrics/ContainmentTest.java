// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.phonebank.callpath.CallEnding;

class ContainmentTest {

  @Test
  void everyCallNotHandedToAnOfficerIsContained() {
    Containment containment = new Containment();
    containment.ended(CallEnding.SERVED);
    containment.ended(CallEnding.SERVED);
    containment.ended(CallEnding.CALLER_LEFT);
    containment.ended(CallEnding.ESCALATED);

    assertEquals(0.75, containment.ratio(), 1e-9);
  }

  @Test
  void beforeTheFirstCallContainmentIsZeroNotADivisionByZero() {
    assertEquals(0.0, new Containment().ratio());
  }
}
