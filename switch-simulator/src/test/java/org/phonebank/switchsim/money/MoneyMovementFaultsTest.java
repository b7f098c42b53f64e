// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.jdbc.JournalPool;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchsim.SimulatorSettings;
import org.phonebank.switchsim.SwitchSimulator;
import org.postgresql.ds.PGSimpleDataSource;

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
  static HikariDataSource postgres;
  static String postgresSchema;
  static JposBankSwitch postgresBank;
  private static final String POSTGRES_TERMINAL = "IVR00002";

  private static final String POSTGRES_URL = "PHONEBANK_TEST_POSTGRES_URL";

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
    if (postgres != null) {
      postgresBank.close();
      postgres.close();
      postgresAdmin(System.getenv(POSTGRES_URL), "DROP SCHEMA " + postgresSchema + " CASCADE");
    }
  }

  @AfterEach
  void clearFaults() {
    simulator.fault("clear");
  }

  @ParameterizedTest
  @EnumSource(Movement.class)
  void aFailedWriteAtAnyStepEndsFinalAndEqualToTheSwitchLedger(Movement movement)
      throws InterruptedException {
    failAtEveryStep(movement, derby, bank, "IVR00001");
  }

  /**
   * The same on PostgreSQL (a schema of its own in {@code PHONEBANK_TEST_POSTGRES_URL}, as the
   * journal's tests use), when one is given.
   */
  @ParameterizedTest
  @EnumSource(Movement.class)
  void onPostgresqlTooAFailedWriteAtAnyStepEndsFinalAndEqual(Movement movement)
      throws InterruptedException {
    String url = System.getenv(POSTGRES_URL);
    Assumptions.assumeTrue(url != null && !url.isBlank(), POSTGRES_URL + " not set");
    synchronized (MoneyMovementFaultsTest.class) {
      if (postgres == null) {
        postgresSchema = "pbmoney_" + UUID.randomUUID().toString().replace("-", "");
        postgresAdmin(url, "CREATE SCHEMA " + postgresSchema);
        PGSimpleDataSource schema = new PGSimpleDataSource();
        schema.setUrl(url);
        schema.setCurrentSchema(postgresSchema);
        // Pooled as the server pools it (JournalPool): unpooled, every statement of the path and
        // of the test's polling opened a PostgreSQL session of its own (SCRAM handshake and a
        // server process), three times the Derby runs' time. The failing wrapper sits above the
        // pool, so a failed statement still reaches the journal as before.
        postgres = JournalPool.over(schema, 4, "money-faults-postgres");
        MoneyRig.migrate(postgres);
        // A terminal of its own: its STANs and RRNs start again, and the issuer would take
        // them for repeats of the Derby runs' requests.
        postgresBank =
            new JposBankSwitch(
                linkSettings(simulator.port())
                    .withIdentity(
                        POSTGRES_TERMINAL,
                        SwitchSettings.defaults().acquirerId(),
                        SwitchSettings.defaults().cardAcceptorId()),
                credentials);
        postgresBank.start();
        if (!postgresBank.awaitReady(Duration.ofSeconds(10))) {
          throw new IllegalStateException("The second link did not come up.");
        }
      }
    }
    failAtEveryStep(movement, postgres, postgresBank, POSTGRES_TERMINAL);
  }

  private static void postgresAdmin(String url, String sql) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setUrl(url);
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void failAtEveryStep(
      Movement movement, DataSource database, JposBankSwitch link, String terminal)
      throws InterruptedException {
    List<String> covered = new ArrayList<>();
    for (int n = 1; n <= MAX_STEPS; n++) {
      FailingDataSource failing =
          FailingDataSource.throwing(database, n, FailingDataSource.CONNECTION_LOST);
      String difference =
          run(movement, database, link, terminal, failing, true, "faults-" + movement + "-" + n);
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
      String difference =
          run(movement, derby, bank, "IVR00001", failing, false, "lock-" + movement + "-" + n);
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
      Movement movement,
      DataSource database,
      JposBankSwitch link,
      String terminal,
      FailingDataSource failing,
      boolean sweep,
      String callId)
      throws InterruptedException {
    Map<CardNumber, Rials> before =
        Map.of(
            MoneyRig.REZA, simulator.ledger().balance(MoneyRig.REZA),
            MoneyRig.NARGES, simulator.ledger().balance(MoneyRig.NARGES));
    try (MoneyRig rig = new MoneyRig(failing.dataSource(), database, link, credentials, terminal)) {
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
