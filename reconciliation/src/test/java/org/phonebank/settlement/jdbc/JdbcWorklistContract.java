// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.journal.jdbc.JdbcJournal;
import org.phonebank.journal.jdbc.JdbcJournalByBusinessDate;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileWriter;
import org.phonebank.settlement.file.SettlementHeader;
import org.phonebank.settlement.run.RunCursor;
import org.phonebank.settlement.worklist.ItemChain;
import org.phonebank.settlement.worklist.ItemId;
import org.phonebank.settlement.worklist.Resolution;
import org.phonebank.settlement.worklist.ResolutionNote;
import org.phonebank.settlement.worklist.ResolutionReason;
import org.phonebank.settlement.worklist.Resolutions;
import org.phonebank.settlement.worklist.WorkItem;
import org.phonebank.settlement.worklist.WorkItemStatus;
import org.phonebank.settlement.worklist.WorklistQuery;

/**
 * The worklist on a real schema, filled the way production fills it: a journal, a settlement file
 * and a run of the reconciliation over them; a subclass names the database.
 */
abstract class JdbcWorklistContract {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final String TERMINAL = "IVR00001";
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-07T01:00:00Z"), ZoneOffset.UTC);

  private AutoCloseable database;
  private DataSource dataSource;
  private JdbcReconciliationRuns runs;
  private JdbcWorklist worklist;
  private long runId;
  private JdbcSettlementFiles files;
  private long mismatchedEntry;
  private long reversingEntry;

  abstract AutoCloseable newDatabase();

  abstract DataSource dataSourceOf(AutoCloseable database);

  /**
   * Stan 1 approved for 1,000 and settled for 1,001 (its call recorded with its path and masked
   * caller); stan 2 timed out, its reversal dead-lettered after five attempts, yet settled; stan 3
   * matched; stan 900 unknown to us.
   */
  @BeforeEach
  void aReconciledDay() throws Exception {
    database = newDatabase();
    dataSource = dataSourceOf(database);
    files = new JdbcSettlementFiles(dataSource, new SettlementFileParser(1_000_000), CLOCK);
    runs = new JdbcReconciliationRuns(dataSource, CLOCK);
    worklist = new JdbcWorklist(dataSource);
    JdbcJournal journal = new JdbcJournal(dataSource, TERMINAL, new byte[32], Clock.system(TEHRAN));
    List<SettlementRecord> settled = new ArrayList<>();
    List<Long> entries = new ArrayList<>();
    for (int stan = 1; stan <= 3; stan++) {
      Instant at = DAY.atTime(9, 0).atZone(TEHRAN).toInstant().plusSeconds(stan * 60L);
      JournalEntry entry =
          journal.open(
              "call-" + stan,
              TransactionType.TRANSFER,
              new TransactionIds(new Stan(stan), rrn(stan), at),
              CARD,
              Rials.of(1_000L * stan));
      entries.add(entry.id());
      if (stan == 2) {
        journal.reversing(entry.id()); // its outcome unknown: a reversal is owed
      } else {
        journal.close(entry.id(), new SwitchOutcome.Approved("123456"));
      }
      settled.add(record(stan, 1_000L * stan + (stan == 1 ? 1 : 0), at));
    }
    settled.add(record(900, 5_000, DAY.atTime(12, 0).atZone(TEHRAN).toInstant()));
    mismatchedEntry = entries.get(0);
    reversingEntry = entries.get(1);
    execute(
        "INSERT INTO call_path (call_id, language, ending, leave_reason, started_at, ended_at,"
            + " masked_caller) VALUES ('call-1', 'en', 'SERVED', NULL,"
            + " {ts '2026-05-06 05:30:00'}, {ts '2026-05-06 05:33:00'}, '*******4567')");
    execute(
        "INSERT INTO call_path_step (call_id, step_no, step) VALUES ('call-1', 1, 'main-menu')");
    execute(
        "INSERT INTO call_path_step (call_id, step_no, step) VALUES ('call-1', 2,"
            + " 'transfer:confirmed')");
    execute(
        "INSERT INTO advice_queue (journal_entry_id, mti, stan, rrn, state, release_order,"
            + " attempts, armed_at, released_at, last_attempt_at, response_code,"
            + " dead_lettered_at, dead_letter_reason) VALUES ("
            + reversingEntry
            + ", '0420', 2, '612610000002', 'DEAD_LETTER', 1, 5, {ts '2026-05-06 05:32:00'},"
            + " {ts '2026-05-06 05:32:30'}, {ts '2026-05-06 06:00:00'}, '91',"
            + " {ts '2026-05-06 06:00:00'}, 'refused 91 five times')");
    byte[] content =
        SettlementFileWriter.write(
            new SettlementHeader("603799", TERMINAL, DAY, LocalTime.of(23, 0), CLOCK.instant()),
            settled);
    long fileId =
        assertInstanceOf(
                Receipt.Loaded.class, files.receive("day.txt", "batch", content, DAY, TERMINAL))
            .fileId();
    runId = runs.start(DAY, TERMINAL, fileId);
    RunCursor cursor =
        new RunCursor(
            files,
            new JdbcJournalByBusinessDate(
                dataSource, new BusinessCalendar(TEHRAN, LocalTime.of(23, 0))),
            runs,
            new Reconciler(TEHRAN),
            3);
    cursor.open(runId, 1);
    List<ItemRow> rows = new ArrayList<>();
    for (RunCursor.NumberedGroup group = cursor.read(); group != null; group = cursor.read()) {
      rows.addAll(cursor.classify(group));
    }
    cursor.write(rows);
    assertTrue(cursor.finish());
  }

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  private static Rrn rrn(int stan) {
    return new Rrn(String.format("612610%06d", stan));
  }

  private static SettlementRecord record(int stan, long amount, Instant at) {
    return new SettlementRecord(
        DAY,
        at.atZone(TEHRAN).toLocalDate(),
        at.atZone(TEHRAN).toLocalTime().withNano(0),
        new Stan(stan),
        rrn(stan),
        TERMINAL,
        "603799******7893",
        "400000",
        Rials.of(amount),
        "00",
        false,
        Rials.zero());
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private WorkItem only(DifferenceKind kind) {
    List<WorkItem> items =
        worklist.items(new WorklistQuery(runId, Optional.of(kind), Optional.empty(), 0, 100));
    assertEquals(1, items.size(), kind + ": " + items);
    return items.get(0);
  }

  @Test
  void theDailyChartCountsEachDatesLatestCompletedRunOnly() {
    long items = runs.totals(runId).values().stream().mapToLong(KindTotal::count).sum();
    List<JdbcReconciliationRuns.Day> days = runs.daily(DAY.minusDays(29), DAY);

    assertEquals(List.of(new JdbcReconciliationRuns.Day(DAY, items, 3)), days);
    assertTrue(items > 3, "matched items besides the three exceptions");
    assertEquals(Optional.of(DAY), runs.lastCompletedDate());
    // The same date run again but not finished yet: the completed run still stands for it.
    runs.start(DAY, TERMINAL, files.loadedFile(TERMINAL, DAY).orElseThrow());
    assertEquals(days, runs.daily(DAY.minusDays(29), DAY));
    assertEquals(List.of(), runs.daily(DAY.plusDays(1), DAY.plusDays(30)));
  }

  @Test
  void theWorklistHoldsTheRunsExceptionsOnlyFilteredByKindAndStatus() {
    List<WorkItem> all =
        worklist.items(new WorklistQuery(runId, Optional.empty(), Optional.empty(), 0, 100));
    assertEquals(
        List.of(
            DifferenceKind.AMOUNT_MISMATCH,
            DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED,
            DifferenceKind.UNKNOWN_TO_US),
        all.stream().map(WorkItem::kind).toList());
    assertTrue(all.stream().allMatch(item -> item.status() == WorkItemStatus.OPEN));
    assertTrue(all.stream().allMatch(WorkItem::runCompleted));

    WorkItem unknown = only(DifferenceKind.UNKNOWN_TO_US);
    worklist.append(
        new Resolution(
            unknown.id(),
            1,
            ResolutionReason.CHASE_SWITCH,
            new ResolutionNote("Asked the switch for the original."),
            "bo1",
            CLOCK.instant()));
    assertEquals(
        List.of(unknown.id()),
        worklist
            .items(
                new WorklistQuery(
                    runId, Optional.empty(), Optional.of(WorkItemStatus.CHASING), 0, 100))
            .stream()
            .map(WorkItem::id)
            .toList());
    assertEquals(
        2,
        worklist
            .items(
                new WorklistQuery(
                    runId, Optional.empty(), Optional.of(WorkItemStatus.OPEN), 0, 100))
            .size());
    assertEquals(
        1,
        worklist.items(new WorklistQuery(runId, Optional.empty(), Optional.empty(), 1, 1)).size());
  }

  @Test
  void anAmountMismatchOpensItsLineEntryAndCallAndTheEntryLeadsBackToIt() {
    WorkItem item = only(DifferenceKind.AMOUNT_MISMATCH);
    ItemChain chain = worklist.chain(item.id()).orElseThrow();

    ItemChain.SettledLine line = chain.line().orElseThrow();
    assertEquals(1_001, line.amount());
    assertEquals(1, line.stan());
    assertEquals("612610000001", line.rrn());
    assertEquals("603799******7893", line.maskedCard());
    assertEquals("day.txt", line.fileName());
    assertEquals(2, line.lineNo(), "the first detail, after the header");

    ItemChain.JournalFacts entry = chain.entry().orElseThrow();
    assertEquals(mismatchedEntry, entry.id());
    assertEquals("call-1", entry.callId());
    assertEquals(Optional.of(1_000L), entry.amount());
    assertEquals("APPROVED", entry.state());
    assertEquals(Optional.of("00"), entry.responseCode());
    assertEquals("603799******7893", entry.maskedCard());
    assertTrue(chain.reversal().isEmpty(), "an approved entry was never reversed");

    ItemChain.CallFacts call = chain.call().orElseThrow();
    assertEquals(Optional.of("*******4567"), call.maskedCaller());
    assertEquals(List.of("main-menu", "transfer:confirmed"), call.path());
    assertEquals(Instant.parse("2026-05-06T05:30:00Z"), call.startedAt());

    assertEquals(
        List.of(item.id()),
        worklist.itemsOfJournalEntry(mismatchedEntry).stream().map(WorkItem::id).toList());
  }

  @Test
  void aReversalStillInStoreAndForwardShowsItsAttempts() {
    ItemChain chain =
        worklist.chain(only(DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED).id()).orElseThrow();
    assertEquals(reversingEntry, chain.entry().orElseThrow().id());
    assertEquals("REVERSING", chain.entry().orElseThrow().state());
    ItemChain.ReversalFacts reversal = chain.reversal().orElseThrow();
    assertEquals("0420", reversal.mti());
    assertEquals("DEAD_LETTER", reversal.state());
    assertEquals(5, reversal.attempts());
    assertEquals(Optional.of("91"), reversal.responseCode());
    assertEquals(Optional.of("refused 91 five times"), reversal.deadLetterReason());
    assertTrue(chain.call().isEmpty(), "no path was recorded for that call");
  }

  @Test
  void anUnknownItemHasALineAndNoEntry() {
    ItemChain chain = worklist.chain(only(DifferenceKind.UNKNOWN_TO_US).id()).orElseThrow();
    assertEquals(900, chain.line().orElseThrow().stan());
    assertTrue(chain.entry().isEmpty());
    assertTrue(worklist.chain(new ItemId(runId, 999, 0)).isEmpty());
  }

  @Test
  void resolutionsAreAppendedInOrderAndASecondWithTheSameNumberIsNotStored() {
    Resolutions resolutions = new Resolutions(worklist, CLOCK);
    ItemId id = only(DifferenceKind.AMOUNT_MISMATCH).id();

    assertInstanceOf(
        Resolutions.Resolved.class,
        resolutions.resolve(id, "chase_switch", "Asked the switch why 1 rial more.", "bo1", 0));
    Resolution racing =
        new Resolution(
            id, 1, ResolutionReason.WRITE_OFF, new ResolutionNote("mine"), "bo2", CLOCK.instant());
    assertFalse(worklist.append(racing), "the key refuses a second resolution 1");
    assertInstanceOf(
        Resolutions.Resolved.class,
        resolutions.resolve(id, "WRITE_OFF", "One rial: written off.", "bo2", 1));

    List<Resolution> history = worklist.resolutions(id);
    assertEquals(List.of(1, 2), history.stream().map(Resolution::seq).toList());
    assertEquals(List.of("bo1", "bo2"), history.stream().map(Resolution::resolvedBy).toList());
    assertEquals(ResolutionReason.CHASE_SWITCH, history.get(0).reason(), "never changed");
    assertEquals(CLOCK.instant(), history.get(1).resolvedAt());
    WorkItem item = worklist.item(id).orElseThrow();
    assertEquals(WorkItemStatus.CLOSED, item.status());
    assertEquals(2, item.resolutions());
    assertEquals(history, worklist.chain(id).orElseThrow().resolutions());
  }
}
