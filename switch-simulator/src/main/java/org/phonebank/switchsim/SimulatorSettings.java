// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the switch simulator runs. {@code port} 0 takes an ephemeral port (tests); {@code accounts}
 * null means the built-in demo ledger; {@code adminPort} -1 means no admin port, 0 an ephemeral
 * one; {@code faults} are {@link FaultPlan} commands applied at start; {@code cutOver} is when the
 * switch closes its business day in Asia/Tehran (field 15 and the settlement file, default 23:00).
 */
public record SimulatorSettings(
    Path credentials,
    String bindAddress,
    int port,
    Path accounts,
    Duration responseDelay,
    int adminPort,
    List<String> faults,
    LocalTime cutOver) {

  public static final int DEFAULT_PORT = 9443;
  public static final int NO_ADMIN_PORT = -1;
  public static final LocalTime DEFAULT_CUT_OVER = LocalTime.of(23, 0);

  public SimulatorSettings {
    Objects.requireNonNull(credentials, "Credentials directory is required.");
    Objects.requireNonNull(bindAddress, "Bind address is required.");
    Objects.requireNonNull(responseDelay, "Response delay is required.");
    Objects.requireNonNull(faults, "Faults are required.");
    Objects.requireNonNull(cutOver, "Cut-over is required.");
    faults = List.copyOf(faults);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Port must be 0 to 65535, was " + port + ".");
    }
    if (adminPort < NO_ADMIN_PORT || adminPort > 65_535) {
      throw new IllegalArgumentException(
          "Admin port must be -1 (none) or 0 to 65535, was " + adminPort + ".");
    }
    if (responseDelay.isNegative()) {
      throw new IllegalArgumentException("Response delay must not be negative.");
    }
  }

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        Path.of("switch-credentials"),
        "127.0.0.1",
        DEFAULT_PORT,
        null,
        Duration.ZERO,
        NO_ADMIN_PORT,
        List.of(),
        DEFAULT_CUT_OVER);
  }

  public SimulatorSettings withCredentials(Path directory) {
    return new SimulatorSettings(
        directory, bindAddress, port, accounts, responseDelay, adminPort, faults, cutOver);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(
        credentials, bindAddress, newPort, accounts, responseDelay, adminPort, faults, cutOver);
  }

  public SimulatorSettings withBindAddress(String address) {
    return new SimulatorSettings(
        credentials, address, port, accounts, responseDelay, adminPort, faults, cutOver);
  }

  public SimulatorSettings withAccounts(Path csv) {
    return new SimulatorSettings(
        credentials, bindAddress, port, csv, responseDelay, adminPort, faults, cutOver);
  }

  public SimulatorSettings withResponseDelay(Duration delay) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, delay, adminPort, faults, cutOver);
  }

  public SimulatorSettings withAdminPort(int newAdminPort) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, responseDelay, newAdminPort, faults, cutOver);
  }

  public SimulatorSettings withCutOver(LocalTime time) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, responseDelay, adminPort, faults, time);
  }

  public SimulatorSettings withFault(String fault) {
    List<String> more = new ArrayList<>(faults);
    more.add(fault);
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, responseDelay, adminPort, more, cutOver);
  }
}
