// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchSettingsFromConfigTest {

  @Test
  void unsetKeysTakeTheDefaults() {
    assertEquals(SwitchSettings.defaults(), SwitchSettings.from(key -> Optional.empty()));
  }

  @Test
  void configuredKeysOverrideAndAreValidated() {
    Map<String, String> values =
        Map.of(SwitchSettings.PORT, "19443", SwitchSettings.RESPONSE_TIMEOUT_MS, "2500",
            SwitchSettings.TERMINAL_ID, "IVR00042");
    SwitchSettings settings = SwitchSettings.from(key -> Optional.ofNullable(values.get(key)));
    assertEquals(19443, settings.port());
    assertEquals(Duration.ofMillis(2500), settings.responseTimeout());
    assertEquals("IVR00042", settings.terminalId());
    assertThrows(IllegalArgumentException.class,
        () -> SwitchSettings.from(key -> Optional.ofNullable(Map.of(SwitchSettings.TERMINAL_ID, "SHORT").get(key))));
  }
}
