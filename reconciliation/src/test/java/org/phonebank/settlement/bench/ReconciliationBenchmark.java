// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.bench;

import java.io.IOException;
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
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;

/**
 * One business date of {@code n} journal entries against {@code n} settlement lines, with a share
 * of exceptions as a real day has them (1 in 50 missing at the switch, 1 in 100 settled for another
 * amount, 1 in 200 declined yet settled, 1 in 500 settled twice, and n/100 items unknown to us),
 * reconciled the way a run does it (parse and check the whole file, group by match key in key
 * order, classify each group) and, in the same run, the same two files joined as text by {@code
 * sort} + {@code join}. Usage: {@code ReconciliationBenchmark [--rows N] [--work DIR]}.
 *
 * <p>Not in the measured part: reading the journal from the database (the entries are built in
 * memory) and writing the items back.
 */
public final class ReconciliationBenchmark {

  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  static final String TERMINAL = "IVR00001";
  private static final int STAN_DAY = 999_999;

  private ReconciliationBenchmark() {}

  /** What a run found, and how long it and the baseline took. */
  record Result(
      int rows,
      Map<DifferenceKind, Long> counts,
      long runNanos,
      long peakHeap,
      long baselineNanos) {}

  /** The generated day: the journal, the settlement file and what classifying them must give. */
  record Day(
      List<BusinessDayEntry> journal, byte[] settlementFile, Map<DifferenceKind, Long> expected) {}

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
    Day day = generate(rows);
    Result result = run(day, work);
    if (!result.counts().equals(day.expected())) {
      throw new IllegalStateException(
          "The run found " + result.counts() + ", the day holds " + day.expected());
    }
    double seconds = result.runNanos() / 1e9;
    double baseline = result.baselineNanos() / 1e9;
    System.out.printf(
        "| rows per side | run (parse + check + group + classify) | rows/s | peak heap | sort + join (baseline) | ratio |%n");
    System.out.printf("|---|---|---|---|---|---|%n");
    System.out.printf(
        "| %,d | %.2f s | %,.0f | %,d MiB | %.2f s | %.2fx |%n",
        rows,
        seconds,
        2 * rows / seconds,
        result.peakHeap() / (1024 * 1024),
        baseline,
        seconds / baseline);
    System.out.println("kinds: " + result.counts());
  }

  static Day generate(int rows) {
    List<BusinessDayEntry> journal = new ArrayList<>(rows);
    List<SettlementRecord> settled = new ArrayList<>(rows + rows / 100);
    Map<DifferenceKind, Long> expected = new EnumMap<>(DifferenceKind.class);
    Instant start = DAY.atTime(0, 0).atZone(TEHRAN).toInstant();
    for (int i = 0; i < rows; i++) {
      // Ten terminals' worth of STANs fit one day; the RRN carries the counter in full.
      int stan = i % STAN_DAY + 1;
      Instant at = start.plusMillis(i * 80L);
      LocalTime time = at.atZone(TEHRAN).toLocalTime().withNano(0);
      Rrn rrn = new Rrn(String.format("61%010d", i));
      long amount = 10_000L + (i % 9_000) * 100;
      boolean declined = i % 200 == 7;
      journal.add(
          new BusinessDayEntry(
              new JournalEntry(
                  i,
                  "call-" + i,
                  i % 3 == 0 ? TransactionType.BILL_PAYMENT : TransactionType.TRANSFER,
                  new TransactionIds(new Stan(stan), rrn, at),
                  "603799******7893",
                  Rials.of(amount),
                  declined ? EntryState.DECLINED : EntryState.APPROVED,
                  declined ? "51" : null,
                  at),
              TERMINAL,
              DAY));
      DifferenceKind kind;
      if (i % 50 == 3) {
        kind = DifferenceKind.MISSING_AT_SWITCH;
      } else if (declined) {
        kind = DifferenceKind.DECLINED_BUT_SETTLED;
      } else if (i % 100 == 11) {
        kind = DifferenceKind.AMOUNT_MISMATCH;
      } else {
        kind = DifferenceKind.MATCHED;
      }
      expected.merge(kind, 1L, Long::sum);
      if (kind != DifferenceKind.MISSING_AT_SWITCH) {
        SettlementRecord record =
            record(
                stan,
                rrn,
                time,
                i % 3 == 0 ? "500000" : "400000",
                amount + (kind == DifferenceKind.AMOUNT_MISMATCH ? 1 : 0));
        settled.add(record);
        if (i % 500 == 13 && kind == DifferenceKind.MATCHED) {
          settled.add(record);
          expected.merge(DifferenceKind.DUPLICATE, 1L, Long::sum);
        }
      }
    }
    for (int u = 0; u < rows / 100; u++) {
      settled.add(
          record(
              u + 1, new Rrn(String.format("69%010d", u)), LocalTime.of(12, 0), "400000", 55_000));
      expected.merge(DifferenceKind.UNKNOWN_TO_US, 1L, Long::sum);
    }
    byte[] file =
        SettlementFileWriter.write(
            new SettlementHeader(
                "603799",
                TERMINAL,
                DAY,
                LocalTime.of(23, 0),
                Instant.parse("2026-05-06T20:00:00Z")),
            settled);
    return new Day(journal, file, expected);
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
    Files.createDirectories(work);
    Path settlement = work.resolve("settlement.txt");
    Path journal = work.resolve("journal.txt");
    Files.write(settlement, day.settlementFile());
    writeJournal(day.journal(), journal);
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    SettlementFile file =
        new SettlementFileParser(Long.MAX_VALUE / 2)
            .parse(Files.readAllBytes(settlement), DAY, TERMINAL);
    Reconciler reconciler = new Reconciler(TEHRAN);
    Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    for (MatchGroup group : MatchGroup.of(reconciler, day.journal(), file.records())) {
      reconciler
          .reconcile(DAY, TERMINAL, group.journal(), group.settlement())
          .items()
          .forEach(item -> counts.merge(item.kind(), 1L, Long::sum));
    }
    long runNanos = System.nanoTime() - t0;
    long peak = peakHeap();
    long b0 = System.nanoTime();
    baseline(work, settlement, journal);
    long baselineNanos = System.nanoTime() - b0;
    return new Result(day.journal().size(), counts, runNanos, peak, baselineNanos);
  }

  /** The journal as text, keyed like the file's detail lines on RRN (field 5 there). */
  private static void writeJournal(List<BusinessDayEntry> entries, Path to) throws IOException {
    StringBuilder out = new StringBuilder(entries.size() * 48);
    for (BusinessDayEntry line : entries) {
      JournalEntry e = line.entry();
      out.append(e.ids().rrn().value())
          .append('|')
          .append(e.ids().stan().digits())
          .append('|')
          .append(e.state())
          .append('|')
          .append(e.amount().value())
          .append('\n');
    }
    Files.writeString(to, out, StandardCharsets.UTF_8);
  }

  /**
   * sort both files on the RRN and join them, keeping the unpaired lines of both sides: the least a
   * text tool must do to pair the two files.
   */
  private static void baseline(Path work, Path settlement, Path journal)
      throws IOException, InterruptedException {
    String script =
        "export LC_ALL=C; grep '^D|' settlement.txt | sort -t'|' -k5,5 > s.sorted"
            + " && sort -t'|' -k1,1 journal.txt > j.sorted"
            + " && join -t'|' -a1 -a2 -1 1 -2 5 j.sorted s.sorted > joined.txt";
    Process process =
        new ProcessBuilder("sh", "-c", script).directory(work.toFile()).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("sort + join failed");
    }
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
