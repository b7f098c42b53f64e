// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

  private static SettingsReader reading(Map<String, String> values) {
    return SettingsReader.of(values);
  }

  @Test
  void blankValuesFallBackToTheDefault() {
    SettingsReader keys = reading(Map.of("a", "  ", "b", " 12 "));
    assertEquals("x", keys.text("a", "x"));
    assertEquals(12, keys.number("b", 3));
    assertEquals(3, keys.number("c", 3));
  }

  @Test
  void numbersOfTheWrongShapeNameTheirKey() {
    SettingsReader keys = reading(Map.of("n", "twelve", "big", "3000000000"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> keys.number("n", 1));
    assertTrue(e.getMessage().contains("Setting n must be a whole number"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> keys.number("big", 1));
    assertEquals(3_000_000_000L, keys.wholeNumber("big", 1));
  }

  @Test
  void durationsAreReadInTheUnitTheKeyNames() {
    SettingsReader keys = reading(Map.of("t-ms", "250", "t-seconds", "7"));
    assertEquals(Duration.ofMillis(250), keys.millis("t-ms", Duration.ZERO));
    assertEquals(Duration.ofSeconds(7), keys.seconds("t-seconds", Duration.ZERO));
  }

  @Test
  void flagsAreTrueOrFalseAndNothingElse() {
    SettingsReader keys = reading(Map.of("on", "false", "bad", "yes"));
    assertFalse(keys.flag("on", true));
    assertThrows(IllegalArgumentException.class, () -> keys.flag("bad", true));
  }

  @Test
  void theBankZoneIsOneSettingDefaultingToTehran() {
    assertEquals(ZoneId.of("Asia/Tehran"), reading(Map.of()).bankZone());
    assertEquals(ZoneId.of("UTC"), reading(Map.of(SettingsReader.BANK_ZONE, "UTC")).bankZone());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> reading(Map.of(SettingsReader.BANK_ZONE, "Tehran")).bankZone());
    assertTrue(e.getMessage().contains(SettingsReader.BANK_ZONE), e.getMessage());
  }
}
