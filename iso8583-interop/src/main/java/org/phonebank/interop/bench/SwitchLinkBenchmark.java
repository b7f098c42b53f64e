// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *   <li>the same floor on a table with the journal's indexes (the unique terminal and RRN, call,
 *       card and day, terminal and time): how much of the journal's cost over the floor is index
 *       upkeep the controls need (not part of the ratio, which uses the bare floor);
 *   <li>the journal alone, {@code JournalledSwitch} over a switch that approves at once;
 *   <li>the phone bank's path, {@code JournalledSwitch} over {@code JposBankSwitch} with the JDBC
 *       journal behind its pool, embedded Derby on disk (every commit forced to disk) or
 *       PostgreSQL.
 * </ol>
 *
 * <p>At each caller count all six paths are opened and warmed up, then run interleaved in {@code
 * --rounds} rounds: each round runs every path for its share of the transactions (transactions /
 * rounds), one path after another, in an order that changes from round to round ({@link Rounds}:
 * each path first, last and after each other path once in six rounds). Measuring the paths one
 * after another over their whole count let the machine's state drift between them, so the ratio of
 * one path to another moved with the machine more than with the code; interleaved, every path sees
 * the same stretches of time.
 *
 * <p>Prints a Markdown table: per path the figures pooled over all rounds (every request's round
 * trip, failures counted), the ratios to the baseline, and the phone bank's median against bare
 * jPOS plus the durable floor, both pooled and round by round (each round's phone bank p50 / (bare
 * p50 + floor p50) from that round's rows; their median, lowest and highest), then a table of every
 * path's p50 round by round. Usage: {@code SwitchLinkBenchmark [--transactions 20000] [--warmup
 * 5000] [--callers 4,16,64] [--rounds 6] [--pool 16] [--postgres <jdbc url>] [--work <dir>]}.
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
    List<Comparison> comparisons = run(options);
    for (Comparison comparison : comparisons) {
      comparison.print();
    }
    Comparison.printRoundsHeader();
    for (Comparison comparison : comparisons) {
      comparison.printRounds();
    }
  }

  /**
   * One comparison per caller count, every row measured against the same simulator in this run and
   * every path in every round.
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
        Map<BenchPath, OpenPath> open = new EnumMap<>(BenchPath.class);
        try {
          put(open, bare(simulator.port(), switchCredentials, credentials, callers));
          put(open, paths.bridgeAlone(callers));
          put(open, paths.durableFloor(options, callers, false));
          put(open, paths.durableFloor(options, callers, true));
          put(open, paths.journalAlone(options, callers));
          put(open, paths.phoneBank(options, callers));
          comparisons.add(interleaved(open, options, callers));
        } finally {
          OpenPath.closeAll(List.copyOf(open.values()));
        }
      }
    }
    return comparisons;
  }

  private static void put(Map<BenchPath, OpenPath> open, OpenPath path) {
    open.put(path.path(), path);
  }

  /** Warms every path up, then runs them in rounds, each path once a round. */
  private static Comparison interleaved(Map<BenchPath, OpenPath> open, Options options, int callers)
      throws InterruptedException {
    BenchPath[] paths = BenchPath.values();
    for (BenchPath path : paths) {
      Load.run("warm-up " + path.key(), open.get(path).callers(), options.warmup());
    }
    Map<BenchPath, PooledRun> pooled = new EnumMap<>(BenchPath.class);
    for (BenchPath path : paths) {
      pooled.put(path, new PooledRun(path.key(), options.transactions()));
    }
    List<Comparison.Round> rounds = new ArrayList<>();
    for (int round = 0; round < options.rounds(); round++) {
      int share = Rounds.share(options.transactions(), options.rounds(), round);
      List<BenchPath> order =
          Rounds.order(round, paths.length).stream().map(i -> paths[i]).toList();
      Map<BenchPath, RunResult> results = new EnumMap<>(BenchPath.class);
      for (BenchPath path : order) {
        results.put(path, Load.run(path.key(), open.get(path).callers(), share, pooled.get(path)));
      }
      rounds.add(new Comparison.Round(round + 1, order, results));
    }
    Map<BenchPath, RunResult> totals = new EnumMap<>(BenchPath.class);
    pooled.forEach((path, run) -> totals.put(path, run.result(callers)));
    return new Comparison(callers, totals, rounds);
  }

  private static OpenPath bare(int port, SwitchCredentials credentials, Path folder, int count)
      throws Exception {
    TlsClientSocketFactory sockets =
        new TlsClientSocketFactory(
            MutualTls.context(credentials.client(), credentials.trustAnchors()),
            Duration.ofSeconds(5));
    byte[] zpk = DemoZoneKeys.pin(folder);
    byte[] zak = DemoZoneKeys.mac(folder);
    // The callers MAC with the zone key for as long as the path is open; it is wiped on close.
    List<AutoCloseable> opened = new ArrayList<>();
    opened.add(() -> Arrays.fill(zak, (byte) 0));
    List<BareJposCaller> callers = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        BareJposCaller caller =
            new BareJposCaller(
                "127.0.0.1", port, sockets, String.format("BARE%04d", i), CARD, PIN, zpk, zak);
        opened.add(caller);
        callers.add(caller);
      }
      if (callers.stream().anyMatch(c -> !c.signedOn())) {
        System.err.println(
            "note: the simulator refused the bare client's sign-on (0800/001); carrying on");
      }
      return new OpenPath(BenchPath.BARE, callers, opened);
    } catch (Exception | Error e) {
      PhoneBankPaths.closeAfter(e, opened);
      throw e;
    } finally {
      Arrays.fill(zpk, (byte) 0);
    }
  }

  private static void printHeader(Options options) {
    System.out.printf(
        Locale.ROOT,
        "%n%d transactions per row after %d warm-up, interleaved in %d rounds, callers %s,"
            + " journal on %s (pool of %d), %d cores, Java %s%n%n",
        options.transactions(),
        options.warmup(),
        options.rounds(),
        options.callers(),
        options.postgresUrl() == null ? "embedded Derby on disk" : "PostgreSQL",
        options.poolSize(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println(
        "| path | callers | transactions | approved | failed | TPS | p50 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
  }

  /**
   * @param callers the caller counts to measure, each in its own block of rows
   * @param rounds how many rounds the paths are interleaved in at each caller count
   * @param poolSize connections in the journal's pool (the server's default is 16)
   * @param postgresUrl a {@code jdbc:postgresql:} URL with user and password for the journal, or
   *     null for embedded Derby on disk ({@code --postgres}, or {@code
   *     PHONEBANK_BENCH_POSTGRES_URL})
   */
  record Options(
      int transactions,
      int warmup,
      List<Integer> callers,
      int rounds,
      int poolSize,
      String postgresUrl,
      Path work) {

    Options {
      if (rounds < 1 || transactions < rounds) {
        throw new IllegalArgumentException(
            "need at least one round and a transaction per round: " + rounds + " rounds");
      }
    }

    static Options parse(String[] args) {
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("every option needs a value");
      }
      int transactions = 20_000;
      int warmup = 5_000;
      List<Integer> callers = List.of(4, 16, 64);
      // Six paths: six rounds give each path every place and every neighbour once (Rounds).
      int rounds = 6;
      int poolSize = 16;
      String postgres = System.getenv("PHONEBANK_BENCH_POSTGRES_URL");
      Path work = null;
      for (int i = 0; i < args.length; i += 2) {
        switch (args[i]) {
          case "--transactions" -> transactions = Integer.parseInt(args[i + 1]);
          case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
          case "--callers" ->
              callers = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
          case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
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
          rounds,
          poolSize,
          postgres == null || postgres.isBlank() ? null : postgres,
          work);
    }
  }
}
