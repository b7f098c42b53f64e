// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderNamesTest {

  private static String name(String text) {
    byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
    return HeaderNames.of(bytes, 1, bytes.length - 1);
  }

  @Test
  void theSameNameIsMadeOnceAndShared() {
    String first = name("variable_sip_from_user");
    assertEquals("variable_sip_from_user", first);
    assertSame(first, name("variable_sip_from_user"));
  }

  @Test
  void namesWhoseBytesDifferAreNeverConfused() {
    // Same length, same hash inputs in another order: each reads as itself.
    assertEquals("Event-Name", name("Event-Name"));
    assertEquals("Event-Nmae", name("Event-Nmae"));
    assertEquals("Event-Name", name("Event-Name"));
    assertEquals("event-name", name("event-name"));
  }

  @Test
  void aNonAsciiOrOverlongNameIsDecodedEachTimeAndNotKept() {
    assertEquals("نام", name("نام"));
    assertNotSame(name("نام"), name("نام"));
    String longName = "v".repeat(65);
    assertEquals(longName, name(longName));
    assertNotSame(name(longName), name(longName));
  }
}
