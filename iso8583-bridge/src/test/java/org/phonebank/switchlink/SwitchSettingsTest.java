// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwitchSettingsTest {

  @Test
  void defaultsPointAtTheLocalSwitchSimulator() {
    SwitchSettings defaults = SwitchSettings.defaults();

    assertEquals("127.0.0.1", defaults.host());
    assertEquals(9443, defaults.port());
    assertEquals("IVR00001", defaults.terminalId());
    assertEquals("627353", defaults.acquirerId());
  }

  @Test
  void terminalIdMustFillFieldFortyOneExactly() {
    SwitchSettings d = SwitchSettings.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () -> d.withIdentity("IVR1", d.acquirerId(), d.cardAcceptorId()));
  }

  @Test
  void zeroResponseTimeoutIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SwitchSettings.defaults().withResponseTimeout(Duration.ZERO));
  }

  @Test
  void acquirerIdMustBeDigits() {
    SwitchSettings d = SwitchSettings.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () -> d.withIdentity(d.terminalId(), "TEJARAT", d.cardAcceptorId()));
  }

  @Test
  void maximumReconnectDelayMayNotBeShorterThanTheFirst() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SwitchSettings.defaults()
                .withReconnectDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }
}
