// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwitchSimulatorCommandTest {

  @Test
  void flagsSetCredentialsPortAccountsAndDelay() {
    SimulatorSettings settings =
        SwitchSimulatorCommand.parse(
            new String[] {
              "--credentials", "keys", "--port", "9555", "--accounts", "a.csv", "--delay-ms", "250"
            });

    assertEquals(Path.of("keys"), settings.credentials());
    assertEquals(9555, settings.port());
    assertEquals(Path.of("a.csv"), settings.accounts());
    assertEquals(Duration.ofMillis(250), settings.responseDelay());
    assertEquals("127.0.0.1", settings.bindAddress());
  }

  @Test
  void adminPortAndRepeatedFaultsAreRead() {
    SimulatorSettings settings =
        SwitchSimulatorCommand.parse(
            new String[] {
              "--credentials",
              "keys",
              "--admin-port",
              "9556",
              "--fault",
              "drop-next 3",
              "--fault",
              "delay 800"
            });

    assertEquals(9556, settings.adminPort());
    assertEquals(java.util.List.of("drop-next 3", "delay 800"), settings.faults());
  }

  @Test
  void faultThatIsNotUnderstoodIsRefusedAtStart() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SwitchSimulatorCommand.parse(new String[] {"--credentials", "k", "--fault", "melt 3"}));
  }

  @Test
  void credentialsFolderIsRequired() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SwitchSimulatorCommand.parse(new String[] {"--port", "1"}));
  }

  @Test
  void unknownFlagIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SwitchSimulatorCommand.parse(new String[] {"--credentials", "k", "--verbose", "yes"}));
  }
}
