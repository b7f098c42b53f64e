// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.phonebank.settings.SettingsReader;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * {@code java -jar switch-simulator.jar --credentials <dir> [--port 9443] [--bind 127.0.0.1]
 * [--accounts <csv>] [--delay-ms 0] [--admin-port <port>] [--cut-over 23:00] [--fault "<fault>"]...
 * [--bank-zone Asia/Tehran]}: runs the simulator until the process is stopped. {@code --fault} may
 * be repeated (e.g. {@code --fault "drop-next 3"}); the admin port listens on loopback only.
 */
public final class SwitchSimulatorCommand {

  // Kept in a field: java.util.logging holds loggers weakly, and a collected one forgets its level.
  private static final Logger BC_JSSE = Logger.getLogger("org.bouncycastle.jsse");

  private SwitchSimulatorCommand() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: switch-simulator --credentials <dir> [--port 9443] [--bind 127.0.0.1] [--accounts <csv>]"
              + " [--delay-ms 0] [--admin-port <port>] [--cut-over 23:00] [--fault \"<fault>\"]..."
              + " [--bank-zone Asia/Tehran]");
      System.exit(2);
      return;
    }
    // Bouncy Castle narrates every handshake and warns about JDK policy entries it ignores; the
    // simulator
    // reports refused clients itself.
    BC_JSSE.setLevel(Level.SEVERE);

    if (DemoCredentials.generateIfMissing(settings.credentials())) {
      System.out.println("demo credentials created in " + settings.credentials());
    }
    System.out.println(DemoCredentials.summary(SwitchCredentials.load(settings.credentials())));

    SwitchSimulator simulator;
    try {
      simulator = SwitchSimulator.start(settings);
    } catch (IOException e) {
      System.err.println("switch simulator cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "switch-simulator-shutdown"));
    if (simulator.adminPort() != SimulatorSettings.NO_ADMIN_PORT) {
      System.out.println("admin port on 127.0.0.1:" + simulator.adminPort() + " (type help)");
    }
    System.out.println(
        "switch simulator listening on "
            + settings.bindAddress()
            + ":"
            + simulator.port()
            + " (TLS 1.3, client certificates required)");
    System.out.flush();
    stopped.await();
  }

  static SimulatorSettings parse(String[] args) {
    // The bank's zone is the phone bank's own setting, so one PHONEBANK_BANK_ZONE sets both.
    SimulatorSettings settings =
        SimulatorSettings.defaults().withBankZone(SettingsReader.systemAndEnvironment().bankZone());
    boolean credentialsGiven = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--credentials" -> {
          settings = settings.withCredentials(Path.of(value));
          credentialsGiven = true;
        }
        case "--port" -> settings = settings.withPort(number(flag, value));
        case "--bind" -> settings = settings.withBindAddress(value);
        case "--accounts" -> settings = settings.withAccounts(Path.of(value));
        case "--delay-ms" ->
            settings = settings.withResponseDelay(Duration.ofMillis(number(flag, value)));
        case "--bank-zone" ->
            settings =
                settings.withBankZone(
                    SettingsReader.of(Map.of(SettingsReader.BANK_ZONE, value)).bankZone());
        case "--admin-port" -> settings = settings.withAdminPort(number(flag, value));
        case "--cut-over" -> settings = settings.withCutOver(time(flag, value));
        case "--fault" -> {
          new FaultPlan().apply(value);
          settings = settings.withFault(value);
        }
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (!credentialsGiven) {
      throw new IllegalArgumentException("--credentials <dir> is required");
    }
    return settings;
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
    }
  }

  private static LocalTime time(String flag, String value) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(flag + " expects a time HH:mm, got '" + value + "'", e);
    }
  }
}
