// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.phonebank.interop.DemoZoneKeys;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsClientSocketFactory;
import org.phonebank.switchsim.SimulatorSettings;
import org.phonebank.switchsim.SwitchSimulator;

/**
 * Issue 4 item 10 and issue 14 item 3: balance inquiries (0200/0210) per second and their median
 * and 99th-percentile round trip over mutual TLS 1.3 with MACs, against one in-process switch
 * simulator, all in the same run, at each caller count:
 *
 * <ol>
 *   <li>the baseline, a bare jPOS client ({@link BareJposCaller}, one connection per caller);
 *   <li>the bridge alone, {@code JposBankSwitch} with ids from memory (its cost over the baseline);
 *   <li>the durable floor: an INSERT and an UPDATE of a row as wide as a journal entry, each its
 *       own commit, on the same database and pool, and nothing else;
 *   <li>the same floor on a table with the journal's indexes (the unique terminal and RRN, card and
 *       day, terminal and state, terminal and time): how much of the journal's cost over the floor
 *       is index upkeep the controls need (not part of the ratio, which uses the bare
 *       floor);
 *   <li>the journal alone, {@code JournalledSwitch} over a switch that approves at once;
 *   <li>the phone bank's path, {@code JournalledSwitch} over {@code JposBankSwitch} with the JDBC
 *       journal behind its pool, embedded Derby on disk (every commit forced to disk) or
 *       PostgreSQL.
 * </ol>
 *
 * Prints a Markdown table, the ratios to the baseline and the phone bank's median against bare jPOS
 * plus the durable floor. Usage: {@code SwitchLinkBenchmark [--transactions 20000] [--warmup 5000]
 * [--callers 4,16,64] [--pool 16] [--postgres <jdbc url>] [--work <dir>]}.
 */
public final class SwitchLinkBenchmark {

  // Kept in fields: java.util.logging holds loggers weakly, and a collected one forgets its level.
  private static final Logger BC_JSSE = Logger.getLogger("org.bouncycastle.jsse");
  private static final Logger PHONEBANK = Logger.getLogger("org.phonebank");

  static final String CARD = "6037991234567893";
  static final String PIN = "7391";

  private SwitchLinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    BC_JSSE.setLevel(Level.SEVERE);
    PHONEBANK.setLevel(Level.SEVERE);
    printHeader(options);
    for (Comparison comparison : run(options)) {
      comparison.print();
    }
  }

  /**
   * One block of rows per caller count, every row measured against the same simulator in this run.
   */
  static List<Comparison> run(Options options) throws Exception {
    Path work =
        options.work() != null ? options.work() : Files.createTempDirectory("switch-link-bench");
    Path credentials = work.resolve("credentials");
    DemoCredentials.generateIfMissing(credentials);
    SwitchCredentials switchCredentials = SwitchCredentials.load(credentials);
    List<Comparison> comparisons = new ArrayList<>();
    try (SwitchSimulator simulator =
        SwitchSimulator.start(
            SimulatorSettings.defaults().withCredentials(credentials).withPort(0))) {
      PhoneBankPaths paths = new PhoneBankPaths(simulator.port(), switchCredentials, work);
      for (int callers : options.callers()) {
        RunResult bare = bare(simulator.port(), switchCredentials, credentials, options, callers);
        RunResult bridge = paths.bridgeAlone(options, callers);
        RunResult floor = paths.durableFloor(options, callers, false);
        RunResult indexedFloor = paths.durableFloor(options, callers, true);
        RunResult journal = paths.journalAlone(options, callers);
        RunResult bank = paths.phoneBank(options, callers);
        comparisons.add(new Comparison(bare, bridge, floor, indexedFloor, journal, bank));
      }
    }
    return comparisons;
  }

  /** The rows measured at one caller count. */
  record Comparison(
      RunResult bare,
      RunResult bridge,
      RunResult floor,
      RunResult indexedFloor,
      RunResult journal,
      RunResult phoneBank) {

    /** The phone bank's median against bare jPOS plus the durable floor, both from this run. */
    double p50AgainstBarePlusFloor() {
      return phoneBank.p50Millis() / (bare.p50Millis() + floor.p50Millis());
    }

    List<RunResult> rows() {
      return List.of(bare, bridge, floor, indexedFloor, journal, phoneBank);
    }

    void print() {
      row("(a) bare jPOS NACChannel, TLS 1.3 + MAC, one connection per caller", bare);
      row("bridge alone: JposBankSwitch, one multiplexed link, no journal", bridge);
      row(
          "(f) durable floor: INSERT + UPDATE of an equally wide row, two commits, same pool",
          floor);
      row("(g) floor on a table with the journal's indexes, same two commits", indexedFloor);
      row("journal alone: JournalledSwitch + pooled journal over an instant switch", journal);
      row("(b) phone bank: JournalledSwitch + JposBankSwitch + pooled journal", phoneBank);
      ratio("ratio bridge alone / bare", bridge, bare);
      ratio("ratio phone bank / bare", phoneBank, bare);
      System.out.printf(
          Locale.ROOT,
          "| **phone bank p50 / (bare p50 + floor p50)** | %d | | | | | **%.2fx** | |%n",
          phoneBank.callers(),
          p50AgainstBarePlusFloor());
      System.out.printf(
          Locale.ROOT,
          "| phone bank p50 / (bare p50 + indexed floor p50) | %d | | | | | %.2fx | |%n",
          phoneBank.callers(),
          phoneBank.p50Millis() / (bare.p50Millis() + indexedFloor.p50Millis()));
      System.out.flush();
    }
  }

  private static RunResult bare(
      int port, SwitchCredentials credentials, Path folder, Options options, int callerCount)
      throws Exception {
    TlsClientSocketFactory sockets =
        new TlsClientSocketFactory(
            MutualTls.context(credentials.client(), credentials.trustAnchors()),
            Duration.ofSeconds(5));
    byte[] zpk = DemoZoneKeys.pin(folder);
    byte[] zak = DemoZoneKeys.mac(folder);
    List<BareJposCaller> callers = new ArrayList<>();
    try {
      for (int i = 0; i < callerCount; i++) {
        callers.add(
            new BareJposCaller(
                "127.0.0.1", port, sockets, String.format("BARE%04d", i), CARD, PIN, zpk, zak));
      }
      if (callers.stream().anyMatch(c -> !c.signedOn())) {
        System.err.println(
            "note: the simulator refused the bare client's sign-on (0800/001); carrying on");
      }
      List<Caller> asCallers = List.copyOf(callers);
      Load.run("warm-up bare", asCallers, options.warmup());
      return Load.run("bare", asCallers, options.transactions());
    } finally {
      for (BareJposCaller c : callers) {
        c.close();
      }
      Arrays.fill(zpk, (byte) 0);
      Arrays.fill(zak, (byte) 0);
    }
  }

  private static void printHeader(Options options) {
    System.out.printf(
        Locale.ROOT,
        "%n%d transactions per row after %d warm-up, callers %s, journal on %s (pool of %d),"
            + " %d cores, Java %s%n%n",
        options.transactions(),
        options.warmup(),
        options.callers(),
        options.postgresUrl() == null ? "embedded Derby on disk" : "PostgreSQL",
        options.poolSize(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println(
        "| path | callers | transactions | approved | failed | TPS | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
  }

  private static void row(String name, RunResult r) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %.0f | %.2f | %.2f |%n",
        name,
        r.callers(),
        r.transactions(),
        r.approved(),
        r.failed(),
        r.perSecond(),
        r.p50Millis(),
        r.p99Millis());
    System.out.flush();
  }

  private static void ratio(String name, RunResult r, RunResult baseline) {
    System.out.printf(
        Locale.ROOT,
        "| %s | | | | | %.2fx | %.2fx | %.2fx |%n",
        name,
        r.perSecond() / baseline.perSecond(),
        r.p50Millis() / baseline.p50Millis(),
        r.p99Millis() / baseline.p99Millis());
  }

  /**
   * @param callers the caller counts to measure, each in its own block of rows
   * @param poolSize connections in the journal's pool (the server's default is 16)
   * @param postgresUrl a {@code jdbc:postgresql:} URL with user and password for the journal, or
   *     null for embedded Derby on disk ({@code --postgres}, or {@code
   *     PHONEBANK_BENCH_POSTGRES_URL})
   */
  record Options(
      int transactions,
      int warmup,
      List<Integer> callers,
      int poolSize,
      String postgresUrl,
      Path work) {
    static Options parse(String[] args) {
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("every option needs a value");
      }
      int transactions = 20_000;
      int warmup = 5_000;
      List<Integer> callers = List.of(4, 16, 64);
      int poolSize = 16;
      String postgres = System.getenv("PHONEBANK_BENCH_POSTGRES_URL");
      Path work = null;
      for (int i = 0; i < args.length; i += 2) {
        switch (args[i]) {
          case "--transactions" -> transactions = Integer.parseInt(args[i + 1]);
          case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
          case "--callers" ->
              callers = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
          case "--pool" -> poolSize = Integer.parseInt(args[i + 1]);
          case "--postgres" -> postgres = args[i + 1];
          case "--work" -> work = Path.of(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(
          transactions,
          warmup,
          callers,
          poolSize,
          postgres == null || postgres.isBlank() ? null : postgres,
          work);
    }
  }
}
