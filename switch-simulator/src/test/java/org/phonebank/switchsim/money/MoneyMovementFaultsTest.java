// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchsim.SimulatorSettings;
import org.phonebank.switchsim.SwitchSimulator;

/**
 * One failed database step at every point of a transfer and of its reversal: for N = 1, 2, … the
 * N-th statement or commit on the money path fails, the movement runs against the real journal on
 * Derby and the real switch simulator over TLS, then the sweeper runs on a healthy database. Every
 * run must end with the call's entries final and the simulator's ledger moved by exactly the
 * journal's approved transfers, to the rial. N grows until a run completes without reaching the
 * failure, so every step of the path is covered, including the ones added later.
 */
class MoneyMovementFaultsTest {

  /** Far beyond the path's length; reaching it means the loop does not end. */
  private static final int MAX_STEPS = 60;

  private static final Duration SETTLE = Duration.ofSeconds(15);

  /** Store-and-forward retries every 50 ms: this long without a step, it has nothing left to do. */
  private static final Duration QUIET = Duration.ofMillis(300);

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;
  static JposBankSwitch bank;
  static DataSource derby;
  static String database;

  /** The two paths: the switch approves, or its answer is lost and the transfer is reversed. */
  public enum Movement {
    APPROVED(null),
    UNANSWERED("drop-next 1");

    final String fault;

    Movement(String fault) {
      this.fault = fault;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    simulator =
        SwitchSimulator.start(SimulatorSettings.defaults().withCredentials(folder).withPort(0));
    credentials = SwitchCredentials.load(folder);
    bank = new JposBankSwitch(linkSettings(simulator.port()), credentials);
    bank.start();
    if (!bank.awaitReady(Duration.ofSeconds(10))) {
      throw new IllegalStateException("The link to the simulator did not come up.");
    }
    database = "memory:money-faults-" + UUID.randomUUID();
    derby = MoneyRig.derby(database);
    MoneyRig.migrate(derby);
  }

  /** Short timers, so a lost answer costs a fraction of a second. */
  public static SwitchSettings linkSettings(int port) {
    return SwitchSettings.defaults()
        .withEndpoint("127.0.0.1", port)
        .withResponseTimeout(Duration.ofMillis(250))
        .withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200))
        .withSafRetryInterval(Duration.ofMillis(50));
  }

  @AfterAll
  static void stop() {
    bank.close();
    simulator.close();
    MoneyRig.shutDownDerby(database);
  }

  @AfterEach
  void clearFaults() {
    simulator.fault("clear");
  }

  @ParameterizedTest
  @EnumSource(Movement.class)
  void aFailedWriteAtAnyStepEndsFinalAndEqualToTheSwitchLedger(Movement movement)
      throws InterruptedException {
    List<String> covered = new ArrayList<>();
    for (int n = 1; n <= MAX_STEPS; n++) {
      FailingDataSource failing =
          FailingDataSource.throwing(derby, n, FailingDataSource.CONNECTION_LOST);
      String difference = run(movement, failing, true, "faults-" + movement + "-" + n);
      if (difference != null) {
        fail("Failure at step " + n + ": " + difference + "\nsteps: " + failing.trace());
      }
      if (!failing.failed()) {
        assertTrue(n > 5, "the path has more than five steps: " + failing.trace());
        return;
      }
      covered.add(failing.trace().get(n - 1));
    }
    fail("The path never ended within " + MAX_STEPS + " steps: " + covered);
  }

  /**
   * A lock time-out (Derby 40XL1) at any step, a sequence's at release included, is undone by the
   * database and retried by the journal: the movement ends final by itself, with no sweep. The
   * unanswered transfer's path holds every step of the approved one's up to the answer, then the
   * whole reversal.
   */
  @ParameterizedTest
  @EnumSource(value = Movement.class, names = "UNANSWERED")
  void aLockTimeOutAtAnyStepIsRetriedAndStrandsNothing(Movement movement)
      throws InterruptedException {
    for (int n = 1; n <= MAX_STEPS; n++) {
      FailingDataSource failing =
          FailingDataSource.throwing(derby, n, FailingDataSource.LOCK_TIME_OUT);
      String difference = run(movement, failing, false, "lock-" + movement + "-" + n);
      if (difference != null) {
        fail("Lock time-out at step " + n + ": " + difference + "\nsteps: " + failing.trace());
      }
      if (!failing.failed()) {
        return;
      }
    }
    fail("The path never ended within " + MAX_STEPS + " steps");
  }

  private static boolean drain(MoneyRig rig, FailingDataSource failing)
      throws InterruptedException {
    int steps = -1;
    long quietSince = System.nanoTime();
    long deadline = quietSince + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      if (rig.settle(Duration.ZERO, false)) {
        return true;
      }
      if (failing.steps() != steps) {
        steps = failing.steps();
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
        return false;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /**
   * Runs one transfer with {@code failing} armed, then (with it disarmed) sweeps if {@code sweep}
   * until settled; the difference between journal and ledger, or null.
   */
  private static String run(
      Movement movement, FailingDataSource failing, boolean sweep, String callId)
      throws InterruptedException {
    Map<CardNumber, Rials> before =
        Map.of(
            MoneyRig.REZA, simulator.ledger().balance(MoneyRig.REZA),
            MoneyRig.NARGES, simulator.ledger().balance(MoneyRig.NARGES));
    try (MoneyRig rig = new MoneyRig(failing.dataSource(), derby, bank, credentials, "IVR00001")) {
      if (movement.fault != null) {
        simulator.fault(movement.fault);
      }
      rig.start();
      failing.arm();
      rig.transfer(callId, 1_000);
      // Whatever store-and-forward does next on its own is part of the path, failure included:
      // wait until it settled or stopped taking steps.
      boolean drained = drain(rig, failing);
      failing.disarm();
      simulator.fault("clear");
      if (!drained && !rig.settle(SETTLE, sweep)) {
        return "not settled: " + rig.entries(callId);
      }
      return rig.difference(callId, before, simulator.ledger()::balance);
    }
  }
}
