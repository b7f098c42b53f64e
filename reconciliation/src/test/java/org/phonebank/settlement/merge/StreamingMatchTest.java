// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.phonebank.settlement.MatchKey;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationItem;
import org.phonebank.settlement.SettlementRecord;

/**
 * The streaming merge against the in-memory grouping it replaces, on a generated day in which every
 * difference kind occurs: the same groups in the same order, classified by the same {@link
 * Reconciler} into the same items, whatever order the sides arrive in and however many sorted runs
 * they spill into.
 */
class StreamingMatchTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final String TERMINAL = "IVR00001";

  @TempDir Path work;

  private final Reconciler reconciler = new Reconciler(TEHRAN);

  /** A day's two sides, the settlement side in file order. */
  private record Day(List<BusinessDayEntry> journal, List<SettlementRecord> settlement) {}

  @Test
  void theStreamGroupsAndClassifiesAGeneratedDayExactlyAsTheInMemoryPathDoes() {
    for (long seed = 1; seed <= 5; seed++) {
      Day day = generate(new Random(seed), 1_500);

      List<MatchGroup> expected = MatchGroup.of(reconciler, day.journal(), day.settlement());
      List<MatchStream.StreamedGroup> streamed = stream(day, new Random(seed), 97);

      assertEquals(
          expected.stream().map(MatchGroup::sortKey).toList(),
          streamed.stream().map(g -> g.group().sortKey()).toList(),
          "seed " + seed);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), streamed.get(i).group(), "group " + i + ", seed " + seed);
      }
      List<ReconciliationItem> inMemory = classify(expected);
      List<ReconciliationItem> streaming =
          classify(streamed.stream().map(MatchStream.StreamedGroup::group).toList());
      assertEquals(inMemory, streaming, "seed " + seed);
      assertEquals(
          EnumSet.allOf(DifferenceKind.class),
          EnumSet.copyOf(streaming.stream().map(ReconciliationItem::kind).toList()),
          "every difference kind occurs, seed " + seed);
      // And per kind the same as classifying the whole day at once.
      assertEquals(
          counts(reconciler.reconcile(DAY, TERMINAL, day.journal(), day.settlement()).items()),
          counts(streaming));
    }
  }

  @Test
  void eachStreamedSettlementRecordKeepsItsLineNumber() {
    Day day = generate(new Random(7), 400);

    for (MatchStream.StreamedGroup group : stream(day, new Random(7), 13)) {
      for (SettlementRecord record : group.group().settlement()) {
        int lineNo = group.lineNo(record);
        assertEquals(day.settlement().get(lineNo - 2), record);
      }
    }
  }

  @Test
  void passingOverGroupsAndReadingOnGivesTheSameGroupsAsReadingThroughout() {
    Day day = generate(new Random(3), 600);
    try (MatchStream stream = load(day, new Random(3), 50)) {
      List<MatchGroup> all = new ArrayList<>();
      try (MatchStream.Groups groups = stream.groups()) {
        for (MatchStream.StreamedGroup g = groups.next(); g != null; g = groups.next()) {
          all.add(g.group());
        }
      }
      try (MatchStream.Groups groups = stream.groups()) {
        for (int i = 0; i < 123; i++) {
          assertTrue(groups.skip());
        }
        assertEquals(all.get(123), groups.next().group());
      }
    }
  }

  private List<MatchStream.StreamedGroup> stream(Day day, Random random, int runSize) {
    List<MatchStream.StreamedGroup> out = new ArrayList<>();
    try (MatchStream stream = load(day, random, runSize);
        MatchStream.Groups groups = stream.groups()) {
      for (MatchStream.StreamedGroup g = groups.next(); g != null; g = groups.next()) {
        out.add(g);
      }
    }
    return out;
  }

  /** The journal in a shuffled order (the stream must not rely on it), the file in file order. */
  private MatchStream load(Day day, Random random, int runSize) {
    MatchStream stream = new MatchStream(reconciler, TERMINAL, work, runSize);
    List<BusinessDayEntry> journal = new ArrayList<>(day.journal());
    Collections.shuffle(journal, random);
    // Entries of one key keep their journal order among themselves, as the journal's query has
    // them (a key is unique there) and the in-memory path sees them.
    Map<MatchKey, List<Integer>> places = new HashMap<>();
    for (int i = 0; i < journal.size(); i++) {
      places.computeIfAbsent(reconciler.keyOf(journal.get(i)), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> at : places.values()) {
      List<BusinessDayEntry> same = new ArrayList<>();
      at.forEach(i -> same.add(journal.get(i)));
      same.sort(Comparator.comparingLong(e -> e.entry().id()));
      for (int i = 0; i < at.size(); i++) {
        journal.set(at.get(i), same.get(i));
      }
    }
    journal.forEach(stream::addJournal);
    for (int i = 0; i < day.settlement().size(); i++) {
      stream.addSettlement(i + 2, day.settlement().get(i));
    }
    return stream;
  }

  private List<ReconciliationItem> classify(List<MatchGroup> groups) {
    List<ReconciliationItem> items = new ArrayList<>();
    for (MatchGroup group : groups) {
      items.addAll(
          reconciler.reconcile(DAY, TERMINAL, group.journal(), group.settlement()).items());
    }
    return items;
  }

  private static Map<DifferenceKind, Long> counts(List<ReconciliationItem> items) {
    Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    items.forEach(item -> counts.merge(item.kind(), 1L, Long::sum));
    return counts;
  }

  /**
   * {@code n} keys, each given one of the day's situations at random: matched, missing at the
   * switch, unknown to us, amount or processing code off, settled twice or journalled twice,
   * declined / timed out / reversed / reversal queued yet settled, a reversal settled alone or with
   * its original, a late presentment, a balance inquiry, and an entry of the day before that the
   * switch never settled here.
   */
  private static Day generate(Random random, int n) {
    List<BusinessDayEntry> journal = new ArrayList<>();
    List<SettlementRecord> settlement = new ArrayList<>();
    Instant start = DAY.atTime(0, 5).atZone(TEHRAN).toInstant();
    for (int i = 0; i < n; i++) {
      // Small STANs repeat over the day with other RRNs; the RRN alphabet is mixed case.
      int stan = 1 + random.nextInt(n / 3);
      String rrn = "6" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
      rrn += String.format("%09d", i);
      Instant at = start.plusSeconds(random.nextInt(86_000));
      TransactionType type =
          random.nextBoolean() ? TransactionType.TRANSFER : TransactionType.BILL_PAYMENT;
      long amount = 1_000L + random.nextInt(90_000);
      String code = type == TransactionType.TRANSFER ? "400000" : "500000";
      int situation = random.nextInt(16);
      LocalDate businessDate = situation == 11 || situation == 14 ? DAY.minusDays(1) : DAY;
      EntryState state =
          switch (situation) {
            case 6 -> EntryState.DECLINED;
            case 7 -> EntryState.TIMED_OUT;
            case 8, 10 -> EntryState.REVERSED;
            case 9 -> EntryState.REVERSING;
            default -> EntryState.APPROVED;
          };
      TransactionType journalled = situation == 13 ? TransactionType.BALANCE_INQUIRY : type;
      BusinessDayEntry entry =
          entry(i, journalled, new Stan(stan), new Rrn(rrn), at, amount, state, businessDate);
      SettlementRecord original = record(stan, rrn, at, code, amount, false);
      switch (situation) {
        case 0, 6, 7, 9, 11, 13 -> {
          journal.add(entry);
          settlement.add(original);
        }
        case 1, 14 -> journal.add(entry);
        case 2 -> settlement.add(original);
        case 3 -> {
          journal.add(entry);
          settlement.add(record(stan, rrn, at, code, amount + 1, false));
        }
        case 4 -> {
          journal.add(entry);
          settlement.add(
              record(stan, rrn, at, code.equals("400000") ? "500000" : "400000", amount, false));
        }
        case 5 -> {
          journal.add(entry);
          settlement.add(original);
          settlement.add(original);
        }
        case 8 -> {
          journal.add(entry);
          settlement.add(original);
          settlement.add(record(stan, rrn, at, code, amount, true));
        }
        case 10 -> {
          journal.add(entry);
          settlement.add(record(stan, rrn, at, code, amount, true));
        }
        case 12 -> {
          journal.add(entry);
          journal.add(
              entry(n + i, type, new Stan(stan), new Rrn(rrn), at, amount, state, businessDate));
          settlement.add(original);
        }
        default -> settlement.add(record(stan, rrn, at, code, amount, true));
      }
    }
    return new Day(journal, settlement);
  }

  private static BusinessDayEntry entry(
      long id,
      TransactionType type,
      Stan stan,
      Rrn rrn,
      Instant at,
      long amount,
      EntryState state,
      LocalDate businessDate) {
    return new BusinessDayEntry(
        new JournalEntry(
            id,
            "call-" + id,
            type,
            new TransactionIds(stan, rrn, at),
            "603799******7893",
            Rials.of(amount),
            state,
            state == EntryState.DECLINED ? "51" : "00",
            at),
        TERMINAL,
        businessDate);
  }

  private static SettlementRecord record(
      int stan, String rrn, Instant at, String code, long amount, boolean reversal) {
    return new SettlementRecord(
        DAY,
        at.atZone(TEHRAN).toLocalDate(),
        at.atZone(TEHRAN).toLocalTime().withNano(0),
        new Stan(stan),
        new Rrn(rrn),
        TERMINAL,
        "603799******7893",
        code,
        Rials.of(amount),
        "00",
        reversal,
        Rials.of(reversal ? 0 : amount / 1000));
  }
}
