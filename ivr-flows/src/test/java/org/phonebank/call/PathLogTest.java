// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PathLogTest {

  private static final Instant AT = Instant.parse("2026-05-06T06:30:00Z");

  @Test
  void thePathKeepsTheCallerMaskedAndNothingWhenTheNetworkGaveNoNumber() {
    PathLog known = new PathLog("call-1", AT);
    known.caller("09121234567");
    assertEquals("*******4567", known.toPath(AT.plusSeconds(5)).maskedCaller());

    assertNull(new PathLog("call-2", AT).toPath(AT.plusSeconds(5)).maskedCaller());
  }
}
