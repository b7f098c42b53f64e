// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalSettingsTest {

  @Test
  void defaultsAreTehranAndMigrateAtStart() {
    JournalSettings settings = JournalSettings.defaults();

    assertEquals(ZoneId.of("Asia/Tehran"), settings.zone());
    assertTrue(settings.migrateOnStart());
    assertEquals(ZoneId.of("Asia/Tehran"), settings.clock().getZone());
  }

  @Test
  void everyKeyCanBeOverridden() {
    Map<String, String> keys =
        Map.of(JournalSettings.ZONE, "UTC", JournalSettings.MIGRATE_ON_START, "false");

    JournalSettings settings = JournalSettings.from(key -> Optional.ofNullable(keys.get(key)));

    assertEquals(new JournalSettings(ZoneId.of("UTC"), false), settings);
  }

  @Test
  void aMisspeltValueIsRefusedRatherThanGuessed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JournalSettings.from(key -> Optional.of(key.equals(JournalSettings.ZONE) ? "UTC" : "yes")));
    assertThrows(
        IllegalArgumentException.class,
        () -> JournalSettings.from(key -> Optional.of(key.equals(JournalSettings.ZONE) ? "Tehran" : "true")));
  }
}
