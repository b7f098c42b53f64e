// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;

/**
 * The settlement inbox of the running stack and what comes out of it: a file of synthetic settled
 * items dropped in, the run's progress read from server.log, its report CSV read back.
 */
final class SettlementInbox {

  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  static final String TERMINAL = "IVR00001";
  private static final Pattern PROGRESS =
      Pattern.compile("Reconciliation run (\\d+): (\\d+) of (\\d+) groups written");

  private final PhoneBankStack stack;

  SettlementInbox(PhoneBankStack stack) {
    this.stack = stack;
  }

  /**
   * {@code count} items for {@code day} that the journal cannot know: every 10th is settled twice
   * (a duplicate), every 7th is a reversal of nothing; the rest are plain 0200s.
   */
  static List<SettlementRecord> unknownItems(LocalDate day, int count) {
    List<SettlementRecord> records = new ArrayList<>();
    for (int stan = 1; stan <= count; stan++) {
      SettlementRecord record =
          new SettlementRecord(
              day,
              day,
              LocalTime.of(10, 0).plusSeconds(stan),
              new Stan(stan),
              new Rrn(String.format("601150%06d", stan)),
              TERMINAL,
              "603799******7893",
              stan % 3 == 0 ? "500000" : "400000",
              Rials.of(10_000L + stan),
              "00",
              stan % 7 == 0,
              Rials.zero());
      records.add(record);
      if (stan % 10 == 0) {
        records.add(record);
      }
    }
    return records;
  }

  void drop(String name, LocalDate day, List<SettlementRecord> records) throws IOException {
    byte[] content =
        SettlementFileWriter.write(
            new SettlementHeader("603799", TERMINAL, day, LocalTime.of(23, 0), Instant.now()),
            records);
    Path inbox = stack.state().resolve("settlement").resolve("inbox");
    Files.createDirectories(inbox);
    // Written beside the inbox and moved in, so the scanner never sees half a file.
    Path partial = inbox.resolveSibling(name + ".part");
    Files.write(partial, content);
    Files.move(partial, inbox.resolve(name));
  }

  /** How much server.log holds now: what a later look reads past, as a state folder is reused. */
  long logMark() throws IOException {
    Path log = stack.serverLog();
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).length() : 0;
  }

  /** server.log from {@code mark} on. */
  String logSince(long mark) throws IOException {
    Path log = stack.serverLog();
    if (!Files.exists(log)) {
      return "";
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.substring((int) Math.min(mark, text.length()));
  }

  /**
   * The groups written and in all of the last progress line of run {@code run} after {@code mark},
   * if any (another run of the same date may be going on too).
   */
  Optional<int[]> progress(long mark, long run) throws IOException {
    Matcher m = PROGRESS.matcher(logSince(mark));
    int[] last = null;
    while (m.find()) {
      if (Long.parseLong(m.group(1)) == run) {
        last = new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
      }
    }
    return Optional.ofNullable(last);
  }

  /** The run the settlement file {@code name} started, once loaded after {@code mark}. */
  Optional<Long> run(long mark, String name) throws IOException {
    Matcher m =
        Pattern.compile(
                "Settlement file " + Pattern.quote(name) + " loaded .*: reconciliation run (\\d+)")
            .matcher(logSince(mark));
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** The last job execution {@code log} says worked on run {@code run}. */
  Optional<Long> execution(String log, long run) {
    Matcher m =
        Pattern.compile("Reconciliation run " + run + " is worked on by job execution (\\d+)")
            .matcher(log);
    Long last = null;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return Optional.ofNullable(last);
  }

  /** Polls until {@code condition} holds; fails after {@code limit}. */
  static <T> T await(Duration limit, String what, IoSupplier<Optional<T>> probe)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never happened: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** A report of {@code day} whose name passes {@code which}, once it exists. */
  Optional<Path> report(LocalDate day, Predicate<Path> which) throws IOException {
    return reports(day).stream().filter(which).findFirst();
  }

  /** Every report of {@code day} there is now. */
  List<Path> reports(LocalDate day) throws IOException {
    Path reports = stack.state().resolve("settlement").resolve("reports");
    if (!Files.isDirectory(reports)) {
      return List.of();
    }
    try (var files = Files.list(reports)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(day + "-" + TERMINAL))
          .toList();
    }
  }

  /** The report run {@code run} of {@code day} writes when it completes, once it exists. */
  Optional<Path> report(LocalDate day, long run) {
    Path report =
        stack
            .state()
            .resolve("settlement")
            .resolve("reports")
            .resolve(day + "-" + TERMINAL + "-run" + run + ".csv");
    return Files.exists(report) ? Optional.of(report) : Optional.empty();
  }

  /** Count and amount per kind, as the report CSV states them. */
  static Map<DifferenceKind, KindTotal> totals(Path report) throws IOException {
    Map<DifferenceKind, KindTotal> totals = new EnumMap<>(DifferenceKind.class);
    for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
      String[] cells = line.split(",");
      try {
        DifferenceKind kind = DifferenceKind.valueOf(cells[0]);
        totals.put(
            kind, new KindTotal(Long.parseLong(cells[1]), Rials.of(Long.parseLong(cells[2]))));
      } catch (IllegalArgumentException notAKindLine) {
        // Header lines.
      }
    }
    return totals;
  }

  interface IoSupplier<T> {
    T get() throws IOException;
  }
}
