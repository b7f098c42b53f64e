// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.phonebank.settings.SettingsReader;

/**
 * How the switch simulator runs. {@code port} 0 takes an ephemeral port (tests); {@code accounts}
 * null means the built-in demo ledger; {@code adminPort} -1 means no admin port, 0 an ephemeral
 * one; {@code faults} are {@link FaultPlan} commands applied at start; {@code cutOver} is when the
 * switch closes its business day in the bank's zone (field 15 and the settlement file, default
 * 23:00); {@code bankZone} is the issuing bank's zone, whose midnight starts the day of its daily
 * limits and in which the cut-over is read (the phone bank's {@code phonebank.bank.zone}).
 */
public record SimulatorSettings(
    Path credentials,
    String bindAddress,
    int port,
    Path accounts,
    Duration responseDelay,
    int adminPort,
    List<String> faults,
    LocalTime cutOver,
    ZoneId bankZone) {

  public static final int DEFAULT_PORT = 9443;
  public static final int NO_ADMIN_PORT = -1;
  public static final LocalTime DEFAULT_CUT_OVER = LocalTime.of(23, 0);

  public SimulatorSettings {
    Objects.requireNonNull(credentials, "Credentials directory is required.");
    Objects.requireNonNull(bindAddress, "Bind address is required.");
    Objects.requireNonNull(responseDelay, "Response delay is required.");
    Objects.requireNonNull(faults, "Faults are required.");
    Objects.requireNonNull(cutOver, "Cut-over is required.");
    Objects.requireNonNull(bankZone, "Bank zone is required.");
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
        DEFAULT_CUT_OVER,
        SettingsReader.DEFAULT_BANK_ZONE);
  }

  public SimulatorSettings withCredentials(Path directory) {
    return new SimulatorSettings(
        directory,
        bindAddress,
        port,
        accounts,
        responseDelay,
        adminPort,
        faults,
        cutOver,
        bankZone);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(
        credentials,
        bindAddress,
        newPort,
        accounts,
        responseDelay,
        adminPort,
        faults,
        cutOver,
        bankZone);
  }

  public SimulatorSettings withBindAddress(String address) {
    return new SimulatorSettings(
        credentials, address, port, accounts, responseDelay, adminPort, faults, cutOver, bankZone);
  }

  public SimulatorSettings withAccounts(Path csv) {
    return new SimulatorSettings(
        credentials, bindAddress, port, csv, responseDelay, adminPort, faults, cutOver, bankZone);
  }

  public SimulatorSettings withResponseDelay(Duration delay) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, delay, adminPort, faults, cutOver, bankZone);
  }

  public SimulatorSettings withAdminPort(int newAdminPort) {
    return new SimulatorSettings(
        credentials,
        bindAddress,
        port,
        accounts,
        responseDelay,
        newAdminPort,
        faults,
        cutOver,
        bankZone);
  }

  public SimulatorSettings withCutOver(LocalTime time) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, responseDelay, adminPort, faults, time, bankZone);
  }

  public SimulatorSettings withBankZone(ZoneId zone) {
    return new SimulatorSettings(
        credentials, bindAddress, port, accounts, responseDelay, adminPort, faults, cutOver, zone);
  }

  public SimulatorSettings withFault(String fault) {
    List<String> more = new ArrayList<>(faults);
    more.add(fault);
    return new SimulatorSettings(
        credentials,
        bindAddress,
        port,
        accounts,
        responseDelay,
        adminPort,
        more,
        cutOver,
        bankZone);
  }
}
