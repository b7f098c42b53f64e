// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.callpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPathTest {

  private static final Instant AT = Instant.parse("2026-05-06T06:30:00Z");

  @Test
  void aCallersNumberIsMaskedToItsLastFourDigits() {
    assertEquals("*******4567", CallPath.maskCaller("09121234567"));
    assertEquals("********4567", CallPath.maskCaller("+98 912 123 4567"));
    assertEquals("123", CallPath.maskCaller("123"));
    assertNull(CallPath.maskCaller("anonymous"));
    assertNull(CallPath.maskCaller(null));
    assertEquals(16, CallPath.maskCaller("1".repeat(30)).length());
  }

  @Test
  void aPathRefusesACallerThatIsNotMasked() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CallPath(
                "call-1", "en", List.of(), CallEnding.SERVED, null, AT, AT, "09121234567"));
  }
}
