// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  private static ServerSettings with(Map<String, String> values) {
    return ServerSettings.from(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void everythingDefaultsBelowTheStateFolder() {
    ServerSettings settings = with(Map.of(ServerSettings.STATE_DIR, "/srv/pb"));
    assertEquals(Path.of("/srv/pb/keys"), settings.switchCredentials());
    assertEquals("/srv/pb/prompts", settings.promptDirectory());
    assertEquals("jdbc:derby:/srv/pb/derby/phonebank;create=true", settings.databaseUrl());
    assertEquals(8084, settings.eslPort());
    assertEquals(Duration.ofSeconds(10), settings.switchResponseTimeout());
  }

  @Test
  void anOverrideReplacesTheDefault() {
    ServerSettings settings =
        with(Map.of("phonebank.esl.port", "18084", "phonebank.switch.terminal-id", "IVR00042"));
    assertEquals(18084, settings.eslPort());
    assertEquals("IVR00042", settings.terminalId());
  }

  @Test
  void aNonNumericPortIsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("phonebank.esl.port", "80a")));
    assertTrue(e.getMessage().contains("phonebank.esl.port"));
  }

  @Test
  void thePasswordNeverPrints() {
    ServerSettings settings = with(Map.of("phonebank.db.password", "s3cret-pw"));
    assertFalse(settings.toString().contains("s3cret-pw"));
  }
}
