// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.phonesim.CallScript.HangUp;
import org.phonebank.phonesim.CallScript.Keys;
import org.phonebank.phonesim.CallScript.NoInput;

class CallScriptTest {

  @Test
  void groupsBecomeKeysTimeoutsAndHangUps() {
    CallScript script = CallScript.parse("  1 6037991234567893#\t- 7391 H ");
    assertEquals(
        List.of(
            new Keys("1"),
            new Keys("6037991234567893#"),
            new NoInput(),
            new Keys("7391"),
            new HangUp()),
        script.steps());
  }

  @Test
  void keysAfterTheFirstHashAreTypedAhead() {
    Keys typedAhead = (Keys) CallScript.parse("6037991234567893#7391").steps().get(0);
    assertEquals("6037991234567893#", typedAhead.now());
    assertEquals("7391", typedAhead.ahead());
    Keys hashOnly = (Keys) CallScript.parse("#").steps().get(0);
    assertEquals("#", hashOnly.now());
    assertEquals("", hashOnly.ahead());
  }

  @Test
  void emptyScriptHasNoGroups() {
    assertEquals(List.of(), CallScript.parse("   ").steps());
  }

  @Test
  void badGroupIsRefusedWithoutEchoingTheScript() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> CallScript.parse("6037991234567893 73a91"));
    assertFalse(refused.getMessage().contains("7391") || refused.getMessage().contains("73a91"));
    assertFalse(CallScript.parse("7391").toString().contains("7391"));
  }
}
