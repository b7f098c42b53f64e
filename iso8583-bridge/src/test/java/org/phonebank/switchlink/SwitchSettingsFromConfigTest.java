// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phonebank.settings.SettingsReader;
import org.phonebank.switchlink.pin.PinFormat;

class SwitchSettingsFromConfigTest {

  @Test
  void unsetKeysTakeTheDefaults() {
    assertEquals(SwitchSettings.defaults(), SwitchSettings.from(key -> Optional.empty()));
  }

  @Test
  void configuredKeysOverrideAndAreValidated() {
    Map<String, String> values =
        Map.of(
            SwitchSettings.PORT,
            "19443",
            SwitchSettings.RESPONSE_TIMEOUT_MS,
            "2500",
            SwitchSettings.TERMINAL_ID,
            "IVR00042");
    SwitchSettings settings = SwitchSettings.from(key -> Optional.ofNullable(values.get(key)));
    assertEquals(19443, settings.port());
    assertEquals(Duration.ofMillis(2500), settings.responseTimeout());
    assertEquals("IVR00042", settings.terminalId());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SwitchSettings.from(
                key -> Optional.ofNullable(Map.of(SwitchSettings.TERMINAL_ID, "SHORT").get(key))));
  }

  @Test
  void endpointListWinsOverHostAndPortAndKeepsItsOrder() {
    Map<String, String> values =
        Map.of(
            SwitchSettings.ENDPOINTS,
            "switch-a.bank:9443, switch-b.bank:9444",
            SwitchSettings.HOST,
            "ignored",
            SwitchSettings.PIN_FORMAT,
            "4",
            SettingsReader.BANK_ZONE,
            "UTC",
            SwitchSettings.RECONNECT_MAX_DELAY_MS,
            "9000",
            SwitchSettings.ECHO_INTERVAL_MS,
            "15000",
            SwitchSettings.SAF_RETRY_CODES,
            "91, 96,68");
    SwitchSettings settings = SwitchSettings.from(key -> Optional.ofNullable(values.get(key)));

    assertEquals(
        List.of(
            new SwitchEndpoint("switch-a.bank", 9443), new SwitchEndpoint("switch-b.bank", 9444)),
        settings.endpoints());
    assertEquals(PinFormat.ISO_4, settings.pinFormat());
    assertEquals(ZoneId.of("UTC"), settings.localZone());
    assertEquals(Duration.ofSeconds(9), settings.reconnectMaxDelay());
    assertEquals(Duration.ofSeconds(15), settings.echoInterval());
    assertEquals(Set.of("91", "96", "68"), settings.safRetryCodes());
    assertEquals(settings.acquirerId(), settings.forwardingId());
  }

  @Test
  void malformedEndpointIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SwitchSettings.from(
                key -> Optional.ofNullable(Map.of(SwitchSettings.ENDPOINTS, "nohost").get(key))));
  }
}
