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
}
