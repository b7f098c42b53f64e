// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchsim.SimulatorSettings;
import org.phonebank.switchsim.SwitchSimulator;
import org.phonebank.switchsim.money.MoneyMovementFaultsTest.Movement;

/**
 * The phone bank's JVM killed at every step of a transfer and of its reversal: a child JVM ({@link
 * MoneyMovementChild}) runs one transfer on its own Derby folder and halts itself just before its
 * N-th database step, for every N where the durable state differs (a first run to the end names the
 * steps). Then a fresh JVM (this one) opens the folder, runs the start-up recovery and the sweeper
 * as the server does, and every entry must be final and the simulator's ledger moved by exactly
 * what the journal approved.
 */
class MoneyMovementKillTest {

  private static final Duration CHILD_LIMIT = Duration.ofSeconds(60);

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;
  static JposBankSwitch bank;
  static Path template;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.createDirectories(folder.resolve("keys"));
    simulator =
        SwitchSimulator.start(SimulatorSettings.defaults().withCredentials(keys).withPort(0));
    credentials = SwitchCredentials.load(keys);
    bank = new JposBankSwitch(MoneyMovementFaultsTest.linkSettings(simulator.port()), credentials);
    bank.start();
    if (!bank.awaitReady(Duration.ofSeconds(10))) {
      throw new IllegalStateException("The link to the simulator did not come up.");
    }
    // Migrated once; each child gets a copy, so no child pays for the schema.
    template = folder.resolve("template");
    MoneyRig.migrate(MoneyRig.derby(template.toString()));
    MoneyRig.shutDownDerby(template.toString());
  }

  @AfterAll
  static void stop() {
    bank.close();
    simulator.close();
  }

  @AfterEach
  void clearFaults() {
    simulator.fault("clear");
  }

  @ParameterizedTest
  @EnumSource(Movement.class)
  void aKillAtAnyStepIsRecoveredFinalAndEqualToTheSwitchLedger(Movement movement) throws Exception {
    // A run to the end first: it names the steps, and must end final and equal too.
    String completed = runAndRecover(movement, 0, Integer.MAX_VALUE);
    List<Integer> cuts = cutPoints(movement, completed);
    assertTrue(cuts.size() > 1, "the path has more than one cut point:\n" + completed);
    int halted = 0;
    for (int n : cuts) {
      if (runAndRecover(movement, n, n).contains("HALT at step " + n)) {
        halted++;
      }
    }
    // A run may take another path than the first (an answer late on a loaded machine turns an
    // approval into a reversal) and end before its step; it is checked all the same.
    assertTrue(halted * 2 >= cuts.size(), halted + " of " + cuts + " runs halted at their step");
  }

  /**
   * The steps before which a kill leaves a state of its own: the first step of each commit (a kill
   * inside a transaction leaves what a kill before it does). An approved transfer runs as an
   * unanswered one up to arming its reversal, so its kills start after that.
   */
  private static List<Integer> cutPoints(Movement movement, String completed) {
    List<String> trace =
        completed.lines().filter(l -> l.startsWith("TRACE ")).map(l -> l.substring(6)).toList();
    int armedAt = 0;
    List<Integer> cuts = new ArrayList<>();
    for (String step : trace) {
      int number = Integer.parseInt(step.substring(0, step.indexOf(' ')));
      if (step.contains("INSERT INTO advice_queue")) {
        armedAt = number;
      }
      if (step.contains(" cut: ")) {
        cuts.add(number);
      }
    }
    int firstSent = armedAt + 1;
    return movement == Movement.APPROVED
        ? cuts.stream().filter(n -> n >= firstSent).toList()
        : cuts;
  }

  /**
   * Runs a child halted before step {@code haltAt}, then recovery here; fails unless the run ends
   * final and equal. Returns what the child printed.
   */
  private static String runAndRecover(Movement movement, int run, int haltAt) throws Exception {
    // A terminal of its own per run: every copy of the template counts STANs from the start.
    String terminal = String.format("K%c%06d", movement.name().charAt(0), run);
    Path database = folder.resolve(terminal);
    copy(template, database);
    Map<CardNumber, Rials> before =
        Map.of(
            MoneyRig.REZA, simulator.ledger().balance(MoneyRig.REZA),
            MoneyRig.NARGES, simulator.ledger().balance(MoneyRig.NARGES));
    if (movement.fault != null) {
      simulator.fault(movement.fault);
    }
    Path output = folder.resolve(terminal + ".out");
    int exit = runChild(database, terminal, haltAt, output);
    simulator.fault("clear");
    String said = Files.readString(output);
    assertTrue(
        exit == 0 || (exit == FailingDataSource.HALTED && haltAt != Integer.MAX_VALUE),
        "child halting at step " + haltAt + " exited " + exit + ":\n" + said);
    assertNull(recover(database, terminal, before), "killed before step " + haltAt + ":\n" + said);
    return said;
  }

  /** Start-up recovery and the sweeper in this JVM, on the dead child's database. */
  private static String recover(Path database, String terminal, Map<CardNumber, Rials> before)
      throws InterruptedException {
    DataSource derby = MoneyRig.derby(database.toString());
    try (MoneyRig rig = new MoneyRig(derby, derby, bank, credentials, terminal)) {
      rig.recover();
      rig.start();
      if (!rig.settle(Duration.ofSeconds(20), true)) {
        return "not settled: " + rig.entries("kill-test");
      }
      return rig.difference("kill-test", before, simulator.ledger()::balance);
    } finally {
      MoneyRig.shutDownDerby(database.toString());
    }
  }

  private static int runChild(Path database, String terminal, int haltAt, Path output)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                // No fsync: a killed process loses nothing the operating system was given, and a
                // kill, not a power cut, is what this test is about.
                "-Dderby.system.durability=test",
                "-cp",
                System.getProperty("java.class.path"),
                MoneyMovementChild.class.getName(),
                database.toString(),
                folder.resolve("keys").toString(),
                Integer.toString(simulator.port()),
                terminal,
                Integer.toString(haltAt))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!child.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
      fail("child at step " + haltAt + " hung:\n" + Files.readString(output));
    }
    return child.exitValue();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
