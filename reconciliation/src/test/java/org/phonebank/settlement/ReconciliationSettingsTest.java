// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.settings.SettingsReader;

class ReconciliationSettingsTest {

  @Test
  void theLocalDateIsTehranUnlessConfigured() {
    assertEquals(ZoneId.of("Asia/Tehran"), ReconciliationSettings.defaults().localZone());
    Map<String, String> keys = Map.of(SettingsReader.BANK_ZONE, "UTC");
    assertEquals(
        ZoneId.of("UTC"),
        ReconciliationSettings.from(key -> Optional.ofNullable(keys.get(key))).localZone());
  }

  @Test
  void aZoneThatDoesNotExistIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ReconciliationSettings.from(key -> Optional.of("Mars/Olympus")));
  }

  @Test
  void theNightlyRunIsTwoHoursAfterAnElevenPmCutOverUnlessConfigured() {
    ReconciliationSettings defaults = ReconciliationSettings.defaults();
    assertEquals(java.time.LocalTime.of(23, 0), defaults.cutOver());
    assertEquals(java.time.Duration.ofMinutes(120), defaults.runDelay());
    Map<String, String> keys =
        Map.of(
            "phonebank.reconciliation.cut-over", "21:30",
            "phonebank.reconciliation.chunk-size", "50");
    ReconciliationSettings set =
        ReconciliationSettings.from(key -> Optional.ofNullable(keys.get(key)));
    assertEquals(java.time.LocalTime.of(21, 30), set.cutOver());
    assertEquals(50, set.chunkSize());
  }

  @Test
  void aCutOverThatIsNotATimeIsRefusedByName() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReconciliationSettings.from(
                    key ->
                        key.equals("phonebank.reconciliation.cut-over")
                            ? Optional.of("11pm")
                            : Optional.empty()));
    assertEquals(
        "Setting phonebank.reconciliation.cut-over is not a time HH:mm: '11pm'.",
        refused.getMessage());
  }
}
