// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.MatchGroup;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;
import org.phonebank.settlement.merge.MatchStream;
import org.phonebank.settlement.run.RunCursor;

/**
 * One business date of {@code n} journal entries against {@code n} settlement lines, with a share
 * of exceptions as a real day has them (1 in 50 missing at the switch, 1 in 100 settled for another
 * amount, 1 in 200 declined yet settled, 1 in 500 settled twice, and n/100 items unknown to us),
 * reconciled the way a run's {@code RunCursor} does it: parse and check the whole file with each
 * detail going into a {@link MatchStream}, the journal going in in transmission order (as its SQL
 * query gives it), the key-only pass that counts the groups, then every group decoded and
 * classified by {@link Reconciler}; and, in the same run, the same two files joined as text by
 * {@code sort} + {@code join}. Usage: {@code ReconciliationBenchmark [--rows N] [--work DIR]}.
 *
 * <p>Not in the measured part: reading the journal from the database (the entries are made one by
 * one as the query would hand them over, never held as a list) and writing the items back.
 */
public final class ReconciliationBenchmark {

  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  static final String TERMINAL = "IVR00001";
  private static final int STAN_DAY = 999_999;

  private ReconciliationBenchmark() {}

  /**
   * What a run found, and how long it and the baseline took: wall time, and CPU time (the JVM's
   * whole process; the baseline's children), which a machine shared with other work disturbs less.
   */
  record Result(
      int rows,
      Map<DifferenceKind, Long> counts,
      long runNanos,
      long runCpuNanos,
      long peakHeap,
      long baselineNanos,
      long baselineCpuNanos) {}

  /** The generated day, in files under the work directory, and what classifying it must give. */
  record Day(int rows, Path settlementFile, Path journalFile, Map<DifferenceKind, Long> expected) {

    /** The journal, made entry by entry in transmission order as the journal's query gives it. */
    Iterable<BusinessDayEntry> journal() {
      return () ->
          new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < rows;
            }

            @Override
            public BusinessDayEntry next() {
              return entry(i++);
            }
          };
    }
  }

  public static void main(String[] args) throws Exception {
    int rows = 1_000_000;
    Path work = Path.of("target/bench-reconciliation");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Day day = generate(rows, work);
    Result result = run(day, work);
    if (!result.counts().equals(day.expected())) {
      throw new IllegalStateException(
          "The run found " + result.counts() + ", the day holds " + day.expected());
    }
    double seconds = result.runNanos() / 1e9;
    double baseline = result.baselineNanos() / 1e9;
    System.out.printf(
        "| rows per side | run (parse + check + sort + merge + classify) | rows/s | peak heap | sort + join (baseline) | ratio |%n");
    System.out.printf("|---|---|---|---|---|---|%n");
    System.out.printf(
        "| %,d | %.2f s | %,.0f | %,d MiB | %.2f s | %.2fx |%n",
        rows,
        seconds,
        2 * rows / seconds,
        result.peakHeap() / (1024 * 1024),
        baseline,
        seconds / baseline);
    System.out.printf(
        "CPU time: run %.2f s, sort + join %.2f s, ratio %.2fx%n",
        result.runCpuNanos() / 1e9,
        result.baselineCpuNanos() / 1e9,
        (double) result.runCpuNanos() / result.baselineCpuNanos());
    System.out.println("kinds: " + result.counts());
  }

  private static Instant start() {
    return DAY.atTime(0, 0).atZone(TEHRAN).toInstant();
  }

  /** "61" and i in ten digits, as the bridge makes them (without a formatter per entry). */
  private static Rrn rrn(int i) {
    String digits = Integer.toString(i);
    return new Rrn("61" + "0000000000".substring(digits.length()) + digits);
  }

  private static long amount(int i) {
    return 10_000L + (i % 9_000) * 100;
  }

  private static boolean declined(int i) {
    return i % 200 == 7;
  }

  /** Journal entry {@code i}: ten terminals' worth of STANs fit one day; the RRN holds i. */
  static BusinessDayEntry entry(int i) {
    Instant at = start().plusMillis(i * 80L);
    boolean declined = declined(i);
    return new BusinessDayEntry(
        new JournalEntry(
            i,
            "call-" + i,
            i % 3 == 0 ? TransactionType.BILL_PAYMENT : TransactionType.TRANSFER,
            new TransactionIds(new Stan(i % STAN_DAY + 1), rrn(i), at),
            "603799******7893",
            Rials.of(amount(i)),
            declined ? EntryState.DECLINED : EntryState.APPROVED,
            declined ? "51" : null,
            at),
        TERMINAL,
        DAY);
  }

  private static DifferenceKind kindOf(int i) {
    if (i % 50 == 3) {
      return DifferenceKind.MISSING_AT_SWITCH;
    } else if (declined(i)) {
      return DifferenceKind.DECLINED_BUT_SETTLED;
    } else if (i % 100 == 11) {
      return DifferenceKind.AMOUNT_MISMATCH;
    }
    return DifferenceKind.MATCHED;
  }

  /** Writes the day's settlement file and the journal as text into {@code work}. */
  static Day generate(int rows, Path work) throws IOException {
    Files.createDirectories(work);
    Map<DifferenceKind, Long> expected = new EnumMap<>(DifferenceKind.class);
    for (int i = 0; i < rows; i++) {
      DifferenceKind kind = kindOf(i);
      expected.merge(kind, 1L, Long::sum);
      if (i % 500 == 13 && kind == DifferenceKind.MATCHED) {
        expected.merge(DifferenceKind.DUPLICATE, 1L, Long::sum);
      }
    }
    expected.merge(DifferenceKind.UNKNOWN_TO_US, (long) rows / 100, Long::sum);
    Path settlement = work.resolve("settlement.txt");
    try (Writer out = Files.newBufferedWriter(settlement, StandardCharsets.UTF_8)) {
      SettlementFileWriter.write(
          new SettlementHeader(
              "603799", TERMINAL, DAY, LocalTime.of(23, 0), Instant.parse("2026-05-06T20:00:00Z")),
          () -> settled(rows),
          out);
    }
    Day day = new Day(rows, settlement, work.resolve("journal.txt"), expected);
    writeJournal(day.journal(), day.journalFile());
    return day;
  }

  /** The switch's records in file order: the day's settled items, then the ones unknown to us. */
  private static java.util.Iterator<SettlementRecord> settled(int rows) {
    List<SettlementRecord> pending = new ArrayList<>(2);
    return new java.util.Iterator<>() {
      private int i;
      private int unknown;

      @Override
      public boolean hasNext() {
        fill();
        return !pending.isEmpty();
      }

      @Override
      public SettlementRecord next() {
        fill();
        return pending.remove(0);
      }

      private void fill() {
        while (pending.isEmpty() && i < rows) {
          DifferenceKind kind = kindOf(i);
          if (kind != DifferenceKind.MISSING_AT_SWITCH) {
            Instant at = start().plusMillis(i * 80L);
            SettlementRecord record =
                record(
                    i % STAN_DAY + 1,
                    rrn(i),
                    at.atZone(TEHRAN).toLocalTime().withNano(0),
                    i % 3 == 0 ? "500000" : "400000",
                    amount(i) + (kind == DifferenceKind.AMOUNT_MISMATCH ? 1 : 0));
            pending.add(record);
            if (i % 500 == 13 && kind == DifferenceKind.MATCHED) {
              pending.add(record);
            }
          }
          i++;
        }
        if (pending.isEmpty() && unknown < rows / 100) {
          pending.add(
              record(
                  unknown + 1,
                  new Rrn(String.format("69%010d", unknown)),
                  LocalTime.of(12, 0),
                  "400000",
                  55_000));
          unknown++;
        }
      }
    };
  }

  private static SettlementRecord record(
      int stan, Rrn rrn, LocalTime time, String processingCode, long amount) {
    return new SettlementRecord(
        DAY,
        DAY,
        time,
        new Stan(stan),
        rrn,
        TERMINAL,
        "603799******7893",
        processingCode,
        Rials.of(amount),
        "00",
        false,
        Rials.zero());
  }

  static Result run(Day day, Path work) throws Exception {
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    Reconciler reconciler = new Reconciler(TEHRAN);
    Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    try (MatchStream stream = new MatchStream(reconciler, TERMINAL, work, RunCursor.RUN_SIZE)) {
      new SettlementFileParser(Long.MAX_VALUE / 2)
          .check(Files.readAllBytes(day.settlementFile()), DAY, TERMINAL, stream::addSettlement);
      day.journal().forEach(stream::addJournal);
      long groups = 0;
      try (MatchStream.Groups counting = stream.groups()) {
        while (counting.skip()) {
          groups++;
        }
      }
      try (MatchStream.Groups all = stream.groups()) {
        for (long g = 0; g < groups; g++) {
          MatchGroup group = all.next().group();
          reconciler
              .reconcile(DAY, TERMINAL, group.journal(), group.settlement())
              .items()
              .forEach(item -> counts.merge(item.kind(), 1L, Long::sum));
        }
      }
    }
    long runNanos = System.nanoTime() - t0;
    long runCpu = processCpuNanos() - c0;
    long peak = peakHeap();
    long b0 = System.nanoTime();
    long baselineCpu = baseline(work);
    long baselineNanos = System.nanoTime() - b0;
    return new Result(day.rows(), counts, runNanos, runCpu, peak, baselineNanos, baselineCpu);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The journal as text, keyed like the file's detail lines on RRN (field 5 there). */
  private static void writeJournal(Iterable<BusinessDayEntry> entries, Path to) throws IOException {
    try (Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      for (BusinessDayEntry line : entries) {
        JournalEntry e = line.entry();
        out.append(e.ids().rrn().value())
            .append('|')
            .append(e.ids().stan().digits())
            .append('|')
            .append(e.state().name())
            .append('|')
            .append(Long.toString(e.amount().value()))
            .append('\n');
      }
    }
  }

  /**
   * sort both files on the RRN and join them, keeping the unpaired lines of both sides: the least a
   * text tool must do to pair the two files.
   */
  private static long baseline(Path work) throws IOException, InterruptedException {
    String script =
        "export LC_ALL=C; grep '^D|' settlement.txt | sort -t'|' -k5,5 > s.sorted"
            + " && sort -t'|' -k1,1 journal.txt > j.sorted"
            + " && join -t'|' -a1 -a2 -1 1 -2 5 j.sorted s.sorted > joined.txt"
            + " && times > times.txt";
    Process process =
        new ProcessBuilder("sh", "-c", script).directory(work.toFile()).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("sort + join failed");
    }
    // The shell's "times": its own user and system time, then its children's ("0m1.234s 0m0.5s").
    String children = Files.readAllLines(work.resolve("times.txt")).get(1);
    long nanos = 0;
    for (String part : children.trim().split("\\s+")) {
      int m = part.indexOf('m');
      nanos +=
          (long)
              ((Long.parseLong(part.substring(0, m)) * 60
                      + Double.parseDouble(part.substring(m + 1, part.length() - 1)))
                  * 1e9);
    }
    return nanos;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
