// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.OfferResult;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.WaitState;
import org.phonebank.journal.jdbc.SchemaMigrations;

/**
 * Routing decisions per second and decision time on the database, against one bare atomic row
 * update on the same database in the same run (BENCHMARKS.md, "Officers' queues"), in two shapes.
 *
 * <p><b>Looks</b> ({@link #run}, the figures of the earlier BENCHMARKS.md rows): {@code officers}
 * officers at work and {@code callers} callers joined (the warm-up gives each officer one of them,
 * so {@code callers − officers} wait). Each round, {@code batch} officers finish a call (their
 * callers end, as many new callers join), then callers at the head of the queue look at it in
 * service order, as their calls do every stretch of hold ({@link Escalations#status}), until the
 * freed officers ring again. A decision is one look: a routing round for that caller (end overdue
 * offers, read the READY officers and the head of the queue, plan, reserve the caller's match with
 * the guarded two-row update) answered either "ring this officer now" or "you are number N, about M
 * minutes". Beside the looks a second, the officers rung (offers made) a second over the same timed
 * stretch. Freeing only {@code batch} officers a round caps officers rung a second by the
 * benchmark's design, not by the router: most looks answer "you are number N".
 *
 * <p><b>Matches</b> ({@link #runMatches}): officers come free as fast as the routers use them.
 * Every officer is READY at the start of each round and {@code callers} callers wait; the head
 * {@code officers} callers look, on {@code threads} routers at once; then, untimed, each officer
 * rung answers at once, the call ends (the officer READY again through the same store operations as
 * a real answer and wrap-up) and a new caller takes the matched caller's place. A bank reads the
 * aim's "routing decisions a second" as calls given an officer: this shape's matches a second and
 * the p99 of a look that ends in a match are the figures the aim is read on. Untimed warm-up rounds
 * ({@code --warmup}, {@value #WARM_UP_ROUNDS} by default) run first; their own figures are reported
 * beside the timed ones.
 *
 * <p>Both shapes fail the run when an officer is offered two calls in a round, when a caller is
 * given an officer twice, or when the rows at the end do not add up ({@link RunLedger}).
 *
 * <pre>
 * run: bench/escalation/run [--officers 200] [--callers 1000] [--rounds 400] [--batch 5]
 *      [--db derby|postgres|both] [--threads 1,8] [--mode looks|matches|both] [--warmup 20]
 * </pre>
 */
public final class RoutingBenchmark {

  /** One database's figures. */
  record Result(
      String database,
      int threads,
      long decisions,
      long reservations,
      double decisionsPerSecond,
      double rungPerSecond,
      double p50Ms,
      double p99Ms,
      double updatesPerSecond,
      double updateP50Ms,
      double updateP99Ms) {}

  /** The bare guarded update's figures, on as many threads as looked. */
  record Baseline(double perSecond, double p50Ms, double p99Ms) {}

  /**
   * One database's figures with every officer free again each round ({@link #runMatches}): those of
   * the timed rounds, and beside them the {@code warmUpRounds} untimed rounds' own (a cold JIT).
   */
  record MatchResult(
      String database,
      int threads,
      long looks,
      long matches,
      double looksPerSecond,
      double matchesPerSecond,
      double matchP50Ms,
      double matchP99Ms,
      double lookP99Ms,
      Baseline baseline,
      int warmUpRounds,
      double coldMatchesPerSecond,
      double coldMatchP99Ms) {}

  /**
   * Rounds of the matches shape run before the timed ones by default: a 10-round run from a cold
   * JVM measured about half the steady state (the lead's 408 against 805 matches a second on
   * Derby), mostly the JIT compiling Derby's and our code.
   */
  static final int WARM_UP_ROUNDS = 20;

  /** Callers who look at the queue per round at most: the head, in service order. */
  static final int LOOKS_PER_ROUND = 200;

  private RoutingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int officers = Integer.parseInt(options.getOrDefault("officers", "200"));
    int callers = Integer.parseInt(options.getOrDefault("callers", "1000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "400"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "5"));
    int warmUp = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(WARM_UP_ROUNDS)));
    String which = options.getOrDefault("db", "both");
    String mode = options.getOrDefault("mode", "both");
    List<Integer> threadCounts =
        Arrays.stream(options.getOrDefault("threads", "1,8").split(","))
            .map(Integer::parseInt)
            .toList();
    Path work = Files.createDirectories(Path.of(options.getOrDefault("work", "target/bench")));
    if (!mode.equals("matches")) {
      System.out.printf(
          "officers' queues benchmark, looks: %d officers, %d callers waiting, %d rounds of %d,"
              + " %s%n",
          officers, callers, rounds, batch, Instant.now());
      System.out.println(
          "| database | callers looking at once | decisions (looks) | officers rung | decisions/s |"
              + " officers rung/s | p50 ms | p99 ms | bare update/s | update p50 ms | update p99 ms |"
              + " decision p99 / update p99 |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      eachRun(
          which,
          work,
          threadCounts,
          (database, threads) -> report(run(database, officers, callers, rounds, batch, threads)));
    }
    if (!mode.equals("looks")) {
      System.out.printf(
          "officers' queues benchmark, matches: %d officers, %d callers waiting, %d rounds timed"
              + " after %d untimed warm-up rounds, every officer free again each round, %s%n",
          officers, callers, rounds, warmUp, Instant.now());
      System.out.println(
          "| database | routers | looks | matches (officers rung) | looks/s | matches/s |"
              + " match p50 ms | match p99 ms | look p99 ms | bare update/s | update p50 ms |"
              + " update p99 ms | warm-up: rounds, matches/s, match p99 ms | load (1 min) |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
      eachRun(
          which,
          work,
          threadCounts,
          (database, threads) ->
              report(runMatches(database, officers, callers, warmUp, rounds, threads)));
    }
  }

  /** One run of a shape on one database at one thread count. */
  private interface OneRun {
    void run(TestDatabase database, int threads) throws SQLException;
  }

  /** {@code body} on each database {@code which} names, emptied first, for each thread count. */
  private static void eachRun(String which, Path work, List<Integer> threadCounts, OneRun body)
      throws SQLException {
    for (TestDatabase database : databases(which, work)) {
      try (database) {
        for (int threads : threadCounts) {
          database.migratedAndEmpty();
          body.run(database, threads);
        }
      }
    }
  }

  private static List<TestDatabase> databases(String which, Path work) {
    List<TestDatabase> databases = new ArrayList<>();
    if (!which.equals("postgres")) {
      databases.add(TestDatabase.derbyOnDisk(work));
    }
    if (!which.equals("derby") && System.getenv(TestDatabase.POSTGRES_URL) != null) {
      databases.add(TestDatabase.postgres());
    }
    return databases;
  }

  private static void report(MatchResult r) {
    System.out.printf(
        "| %s | %d | %d | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %d, %.0f,"
            + " %.2f | %.1f |%n",
        r.database(),
        r.threads(),
        r.looks(),
        r.matches(),
        r.looksPerSecond(),
        r.matchesPerSecond(),
        r.matchP50Ms(),
        r.matchP99Ms(),
        r.lookP99Ms(),
        r.baseline().perSecond(),
        r.baseline().p50Ms(),
        r.baseline().p99Ms(),
        r.warmUpRounds(),
        r.coldMatchesPerSecond(),
        r.coldMatchP99Ms(),
        // The machine is shared: the load as the row ends says how far to trust it.
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void report(Result r) {
    System.out.printf(
        "| %s | %d | %d | %d | %.0f | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1fx |%n",
        r.database(),
        r.threads(),
        r.decisions(),
        r.reservations(),
        r.decisionsPerSecond(),
        r.rungPerSecond(),
        r.p50Ms(),
        r.p99Ms(),
        r.updatesPerSecond(),
        r.updateP50Ms(),
        r.updateP99Ms(),
        r.p99Ms() / r.updateP99Ms());
  }

  static Result run(
      TestDatabase database, int officers, int callers, int rounds, int batch, int threads)
      throws SQLException {
    Bench bench = Bench.on(database, officers);
    DataSource pool = bench.pool();
    EscalationStore store = bench.store();
    Escalations queues = bench.queues();
    RunLedger ledger = new RunLedger();
    for (int i = 0; i < callers; i++) {
      queues.enqueue(caller(i));
      ledger.enqueued();
    }
    for (int i = 1; i <= officers; i++) {
      queues.setStatus("o" + i, OfficerStatus.READY);
    }
    // Warm-up: every officer takes a caller and talks.
    List<Offer> warmUp = queues.dispatch();
    warmUp.forEach(ledger::offered);
    List<Offer> talking = new ArrayList<>(answerAll(queues, warmUp));
    int next = callers;
    List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    long reservations = 0;
    long timed = 0;
    ExecutorService lookers = Executors.newFixedThreadPool(threads);
    for (int round = 0; round < rounds; round++) {
      // Untimed: batch calls end and as many callers join, keeping the queue full.
      for (int i = 0; i < batch && !talking.isEmpty(); i++) {
        queues.ended(talking.remove(0).entryId(), EntryEnd.COMPLETED);
        ledger.ended();
        queues.enqueue(caller(next++));
        ledger.enqueued();
      }
      // Timed: callers look at the queue in service order, each look one routing decision (ring
      // this officer now, or hear position and wait), until the freed officers ring again. With
      // more than one thread the callers look at once, as their calls do, each from its own thread.
      List<QueuedCall> head = store.waitingInServiceOrder(null, LOOKS_PER_ROUND);
      List<Offer> made = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger cursor = new AtomicInteger();
      Runnable looker =
          () -> {
            for (int i = cursor.getAndIncrement();
                i < head.size() && made.size() < batch;
                i = cursor.getAndIncrement()) {
              QueuedCall caller = head.get(i);
              long start = System.nanoTime();
              WaitState state = queues.status(caller.id());
              samples.add(System.nanoTime() - start);
              if (state instanceof WaitState.Ringing ringing) {
                made.add(ringing.offer());
              }
            }
          };
      long roundStart = System.nanoTime();
      runOnThreads(lookers, looker, threads);
      timed += System.nanoTime() - roundStart;
      onePerOfficer(made);
      made.forEach(ledger::offered);
      reservations += made.size();
      talking.addAll(answerAll(queues, made));
    }
    ledger.check(pool, officers);
    printProfile("time in store calls over the whole run, warm-up included:");
    long[] latencies = sorted(samples);
    Baseline update = baseline(pool, lookers, threads, latencies.length);
    lookers.shutdown();
    return new Result(
        bench.name(),
        threads,
        latencies.length,
        reservations,
        latencies.length / (timed / 1e9),
        reservations / (timed / 1e9),
        percentile(latencies, 50),
        percentile(latencies, 99),
        update.perSecond(),
        update.p50Ms(),
        update.p99Ms());
  }

  /**
   * The routers' capacity to match calls to officers: every officer free at the start of each
   * round, {@code threads} routers (callers looking at once, each from its own thread) look at the
   * queue for the head {@code officers} callers in service order, then, untimed, every officer rung
   * answers at once, the call ends (the officer READY again, through WRAP_UP when configured, as
   * the console's wrap-up does) and a new caller joins in the matched caller's place, so {@code
   * callers} wait at the start of every round. Matches a second are the offers made over the timed
   * looks' wall time; the match percentiles are of looks that rang an officer, the look p99 of all.
   *
   * <p>{@code warmUp} rounds of the same kind run first and are left out of those figures: the JIT
   * compiles Derby's, the driver's and our code over the first few thousand looks, and a run timed
   * from a cold start reads mostly the compiler. Their own figures are kept beside the steady
   * state's ({@link MatchResult#coldMatchesPerSecond}), so the cold start is never hidden.
   */
  static MatchResult runMatches(
      TestDatabase database, int officers, int callers, int rounds, int threads)
      throws SQLException {
    return runMatches(database, officers, callers, 0, rounds, threads);
  }

  /** {@link #runMatches} after {@code warmUp} untimed rounds. */
  static MatchResult runMatches(
      TestDatabase database, int officers, int callers, int warmUp, int rounds, int threads)
      throws SQLException {
    Bench bench = Bench.on(database, officers);
    DataSource pool = bench.pool();
    EscalationSettings settings = bench.settings();
    EscalationStore store = bench.store();
    Escalations queues = bench.queues();
    RunLedger ledger = new RunLedger();
    int next = 0;
    for (; next < callers; next++) {
      queues.enqueue(caller(next));
      ledger.enqueued();
    }
    for (int i = 1; i <= officers; i++) {
      queues.setStatus("o" + i, OfficerStatus.READY);
    }
    List<Long> matchSamples = Collections.synchronizedList(new ArrayList<>());
    List<Long> lookSamples = Collections.synchronizedList(new ArrayList<>());
    List<Long> coldMatchSamples = Collections.synchronizedList(new ArrayList<>());
    long timed = 0;
    long timedMatches = 0;
    long cold = 0;
    ExecutorService routers = Executors.newFixedThreadPool(threads);
    for (int round = 0; round < warmUp + rounds; round++) {
      boolean warm = round >= warmUp;
      List<Long> matchTimes = warm ? matchSamples : coldMatchSamples;
      List<Long> lookTimes = warm ? lookSamples : Collections.synchronizedList(new ArrayList<>());
      List<QueuedCall> head = store.waitingInServiceOrder(null, officers);
      List<Offer> made = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger cursor = new AtomicInteger();
      Runnable router =
          () -> {
            for (int i = cursor.getAndIncrement(); i < head.size(); i = cursor.getAndIncrement()) {
              long start = System.nanoTime();
              WaitState state = queues.status(head.get(i).id());
              long took = System.nanoTime() - start;
              lookTimes.add(took);
              if (state instanceof WaitState.Ringing ringing) {
                matchTimes.add(took);
                made.add(ringing.offer());
              }
            }
          };
      long roundStart = System.nanoTime();
      runOnThreads(routers, router, threads);
      if (warm) {
        timed += System.nanoTime() - roundStart;
        timedMatches += made.size();
      } else {
        cold += System.nanoTime() - roundStart;
      }
      onePerOfficer(made);
      for (Offer offer : made) {
        ledger.offered(offer);
        queues.offerEnded(offer, OfferResult.ANSWERED);
        queues.ended(offer.entryId(), EntryEnd.COMPLETED);
        ledger.ended();
        if (settings.wrapUpAfterCall()) {
          queues.setStatus(offer.officerId(), OfficerStatus.READY);
        }
        queues.enqueue(caller(next++));
        ledger.enqueued();
      }
    }
    ledger.check(pool, officers);
    printProfile("time in store calls over the whole run, warm-up included:");
    long[] matches = sorted(matchSamples);
    long[] looks = sorted(lookSamples);
    long[] coldMatches = sorted(coldMatchSamples);
    Baseline update = baseline(pool, routers, threads, looks.length);
    routers.shutdown();
    return new MatchResult(
        bench.name(),
        threads,
        looks.length,
        timedMatches,
        looks.length / (timed / 1e9),
        timedMatches / (timed / 1e9),
        percentile(matches, 50),
        percentile(matches, 99),
        percentile(looks, 99),
        update,
        warmUp,
        warmUp == 0 ? Double.NaN : coldMatches.length / (cold / 1e9),
        percentile(coldMatches, 99));
  }

  /** Fails the run when one officer was offered two calls in one round. */
  private static void onePerOfficer(List<Offer> made) {
    Set<String> busy = new HashSet<>();
    for (Offer offer : made) {
      if (!busy.add(offer.officerId())) {
        throw new IllegalStateException("Officer " + offer.officerId() + " was offered two calls.");
      }
    }
  }

  /** At least {@code samples} (100 or more) bare updates on {@code threads} threads. */
  private static Baseline baseline(
      DataSource pool, ExecutorService threadPool, int threads, int samples) {
    long[] update = new long[Math.max(100, samples)];
    AtomicInteger nextUpdate = new AtomicInteger();
    long updatesStart = System.nanoTime();
    runOnThreads(threadPool, () -> bareUpdates(pool, update, nextUpdate), threads);
    long updatesWall = System.nanoTime() - updatesStart;
    long[] took = sorted(update);
    return new Baseline(
        update.length / (updatesWall / 1e9), percentile(took, 50), percentile(took, 99));
  }

  /** Runs {@code work} on {@code threads} threads of {@code pool} and waits for all of them. */
  private static void runOnThreads(ExecutorService pool, Runnable work, int threads) {
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(work));
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** The schema migrated and the queues started, with officers {@link #settings} configures. */
  private record Bench(
      DataSource pool,
      String name,
      EscalationSettings settings,
      EscalationStore store,
      Escalations queues) {

    static Bench on(TestDatabase database, int officers) throws SQLException {
      DataSource pool = database.pooled();
      SchemaMigrations.migrate(pool);
      String name;
      try (Connection connection = pool.getConnection()) {
        name = connection.getMetaData().getDatabaseProductName();
      }
      EscalationSettings settings = RoutingBenchmark.settings(officers);
      JdbcEscalationStore jdbc = new JdbcEscalationStore(pool);
      EscalationStore store = PROFILE ? profiled(jdbc) : jdbc;
      Escalations queues = new Escalations(settings, store, Clock.systemUTC(), "bench");
      queues.start();
      return new Bench(pool, name, settings, store, queues);
    }
  }

  private static void printProfile(String heading) {
    if (PROFILE) {
      System.out.println(heading);
      SPENT.forEach(
          (method, nanos) -> System.out.printf("  %-24s %8.0f ms%n", method, nanos / 1e6));
      SPENT.clear();
    }
  }

  /** {@code -Dprofile=true}: the time spent in each store method, to see where a look goes. */
  private static final boolean PROFILE = Boolean.getBoolean("profile");

  private static final Map<String, Long> SPENT = new java.util.TreeMap<>();

  private static EscalationStore profiled(EscalationStore store) {
    return (EscalationStore)
        java.lang.reflect.Proxy.newProxyInstance(
            EscalationStore.class.getClassLoader(),
            new Class<?>[] {EscalationStore.class},
            (proxy, method, args) -> {
              long start = System.nanoTime();
              try {
                return method.invoke(store, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              } finally {
                SPENT.merge(method.getName(), System.nanoTime() - start, Long::sum);
              }
            });
  }

  private static List<Offer> answerAll(Escalations queues, List<Offer> offers) {
    for (Offer offer : offers) {
      queues.offerEnded(offer, OfferResult.ANSWERED);
    }
    return offers;
  }

  /**
   * The baseline: one guarded atomic update of one officer's row, one transaction each, taken by as
   * many threads as look at the queue; each thread takes the next slot of {@code took} until all
   * are filled, and updates its own officers' rows (slot modulo 10, so no two threads wait on one
   * row lock more than the lookers would).
   */
  private static void bareUpdates(DataSource pool, long[] took, AtomicInteger next) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE escalation_officer SET since = ? WHERE officer_id = ? AND status <> 'AWAY'")) {
        for (int i = next.getAndIncrement(); i < took.length; i = next.getAndIncrement()) {
          long start = System.nanoTime();
          update.setTimestamp(1, Timestamp.from(Instant.now()));
          update.setString(2, "o" + (1 + i % 10));
          update.executeUpdate();
          connection.commit();
          took[i] = System.nanoTime() - start;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long[] sorted(List<Long> values) {
    synchronized (values) {
      return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  private static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Officers o1..oN: general at proficiency 1 to 5, Persian and English, every tenth fraud. */
  static EscalationSettings settings(int officers) {
    Map<String, String> keys = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= officers; i++) {
      ids.add("o" + i);
      String skills = "general:" + (1 + i % 5) + (i % 10 == 0 ? ",fraud:4" : ",cards:3");
      keys.put("phonebank.escalation.officer.o" + i + ".skills", skills);
    }
    keys.put("phonebank.escalation.officers", String.join(",", ids));
    return EscalationSettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  private static Escalation caller(int i) {
    EscalationReason reason =
        i % 20 == 0
            ? EscalationReason.CARD_STOLEN
            : i % 3 == 0 ? EscalationReason.LOCKED_OUT : EscalationReason.ASKED;
    return new Escalation(
        "bench-" + i,
        i % 2 == 0 ? "fa" : "en",
        Optional.of("603799******7893"),
        true,
        List.of("main-menu", "officer"),
        reason,
        reason.key(),
        List.of());
  }
}
