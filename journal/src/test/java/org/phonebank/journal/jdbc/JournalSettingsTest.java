// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.settings.SettingsReader;

class JournalSettingsTest {

  @Test
  void defaultsAreTehranMigrateAtStartAndSixteenConnections() {
    JournalSettings settings = JournalSettings.defaults();

    assertEquals(ZoneId.of("Asia/Tehran"), settings.zone());
    assertTrue(settings.migrateOnStart());
    assertEquals(16, settings.poolSize());
    assertEquals(ZoneId.of("Asia/Tehran"), settings.clock().getZone());
  }

  @Test
  void everyKeyCanBeOverridden() {
    Map<String, String> keys =
        Map.of(
            SettingsReader.BANK_ZONE,
            "UTC",
            JournalSettings.MIGRATE_ON_START,
            "false",
            JournalSettings.POOL_SIZE,
            "40");

    JournalSettings settings = JournalSettings.from(key -> Optional.ofNullable(keys.get(key)));

    assertEquals(new JournalSettings(ZoneId.of("UTC"), false, 40), settings);
  }

  @Test
  void aMisspeltValueIsRefusedRatherThanGuessed() {
    for (Map<String, String> keys :
        List.of(
            Map.of(JournalSettings.MIGRATE_ON_START, "yes"),
            Map.of(SettingsReader.BANK_ZONE, "Tehran"),
            Map.of(JournalSettings.POOL_SIZE, "many"),
            Map.of(JournalSettings.POOL_SIZE, "0"),
            Map.of(JournalSettings.POOL_SIZE, "201"))) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> JournalSettings.from(key -> Optional.ofNullable(keys.get(key))));
      String key = keys.keySet().iterator().next();
      assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }
  }

  @Test
  void theCardFingerprintKeyIsReadAsHexAndHasNoDefault() {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";

    byte[] key =
        JournalSettings.cardFingerprintKey(
            k -> Optional.ofNullable(k.equals(JournalSettings.CARD_FINGERPRINT_KEY) ? hex : null));

    assertEquals(32, key.length);
    assertEquals((byte) 0xff, key[31]);
    assertThrows(
        IllegalArgumentException.class,
        () -> JournalSettings.cardFingerprintKey(k -> Optional.empty()));
  }

  @Test
  void aShortOrMalformedFingerprintKeyIsRefusedWithoutRepeatingIt() {
    String secret = "abcdef0123456789".repeat(3);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> JournalSettings.cardFingerprintKey(k -> Optional.of(secret)));
    assertFalse(refused.getMessage().contains(secret));
    assertThrows(
        IllegalArgumentException.class,
        () -> JournalSettings.cardFingerprintKey(k -> Optional.of("zz".repeat(40))));
  }
}
