// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    assertEquals("jdbc:derby:/srv/pb/derby/phonebank;create=true", settings.databaseUrl());
    assertEquals(1000, settings.maxConcurrentCalls());
  }

  @Test
  void anOverrideReplacesTheDefault() {
    ServerSettings settings =
        with(
            Map.of(
                "phonebank.calls.max-concurrent",
                "50",
                "phonebank.switch.credentials-dir",
                "/etc/pb/keys"));
    assertEquals(50, settings.maxConcurrentCalls());
    assertEquals(Path.of("/etc/pb/keys"), settings.switchCredentials());
  }

  @Test
  void aNonNumericPortIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> with(Map.of("phonebank.calls.max-concurrent", "8a")));
    assertTrue(e.getMessage().contains("phonebank.calls.max-concurrent"));
  }

  @Test
  void aPasswordInTheDatabaseUrlNeverPrints() {
    for (String url :
        new String[] {
          "jdbc:postgresql://db.bank:5432/phonebank?user=pb&password=s3cret-pw",
          "jdbc:postgresql://pb:s3cret-pw@db.bank:5432/phonebank",
          "jdbc:derby:/srv/pb/derby/phonebank;create=true;user=pb;password=s3cret-pw"
        }) {
      String printed = with(Map.of("phonebank.db.url", url)).toString();
      assertFalse(printed.contains("s3cret-pw"), printed);
      assertTrue(printed.contains("phonebank"), printed);
    }
    assertEquals(
        "jdbc:postgresql://db.bank:5432/phonebank?...",
        ServerSettings.redacted("jdbc:postgresql://pb:pw@db.bank:5432/phonebank?ssl=true"));
  }

  @Test
  void thePasswordNeverPrints() {
    ServerSettings settings = with(Map.of("phonebank.db.password", "s3cret-pw"));
    assertFalse(settings.toString().contains("s3cret-pw"));
  }
}
