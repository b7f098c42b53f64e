// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the switch simulator runs. {@code port} 0 takes an ephemeral port (tests); {@code accounts} null means the
 * built-in demo ledger.
 */
public record SimulatorSettings(
    Path credentials, String bindAddress, int port, Path accounts, Duration responseDelay) {

  public static final int DEFAULT_PORT = 9443;

  public SimulatorSettings {
    Objects.requireNonNull(credentials, "Credentials directory is required.");
    Objects.requireNonNull(bindAddress, "Bind address is required.");
    Objects.requireNonNull(responseDelay, "Response delay is required.");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port must be 0 to 65535, was " + port + ".");
    }
    if (responseDelay.isNegative()) {
      throw new IllegalArgumentException("Response delay must not be negative.");
    }
  }

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(Path.of("switch-credentials"), "127.0.0.1", DEFAULT_PORT, null, Duration.ZERO);
  }

  public SimulatorSettings withCredentials(Path directory) {
    return new SimulatorSettings(directory, bindAddress, port, accounts, responseDelay);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(credentials, bindAddress, newPort, accounts, responseDelay);
  }

  public SimulatorSettings withBindAddress(String address) {
    return new SimulatorSettings(credentials, address, port, accounts, responseDelay);
  }

  public SimulatorSettings withAccounts(Path csv) {
    return new SimulatorSettings(credentials, bindAddress, port, csv, responseDelay);
  }

  public SimulatorSettings withResponseDelay(Duration delay) {
    return new SimulatorSettings(credentials, bindAddress, port, accounts, delay);
  }
}
