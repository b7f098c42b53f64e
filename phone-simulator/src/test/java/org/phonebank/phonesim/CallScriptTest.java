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
            new Keys("1", false),
            new Keys("6037991234567893", true),
            new NoInput(),
            new Keys("7391", false),
            new HangUp()),
        script.steps());
  }

  @Test
  void emptyScriptHasNoGroups() {
    assertEquals(List.of(), CallScript.parse("   ").steps());
  }

  @Test
  void badGroupIsRefusedWithoutEchoingTheScript() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> CallScript.parse("6037991234567893 73#91"));
    assertFalse(refused.getMessage().contains("7391") || refused.getMessage().contains("73#91"));
    assertFalse(CallScript.parse("7391").toString().contains("7391"));
  }
}
