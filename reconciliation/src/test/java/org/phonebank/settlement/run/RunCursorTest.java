// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.phonebank.settlement.jdbc.DerbyDatabase;
import org.phonebank.settlement.jdbc.ItemRow;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.JdbcSettlementFiles;
import org.phonebank.settlement.jdbc.Receipt;

/**
 * A run on Derby, straight through and interrupted: whatever chunk it stops in, restarting from the
 * last checkpoint ends with exactly the rows of an uninterrupted run.
 */
class RunCursorTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final String TERMINAL = "IVR00001";
  private static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-07T01:00:00Z"), ZoneOffset.UTC);
  private static final int ENTRIES = 40;

  private DerbyDatabase database;
  private JdbcSettlementFiles files;
  private JdbcReconciliationRuns runs;
  private JdbcJournalByBusinessDate byDate;
  private long fileId;
  private long executions;

  @BeforeEach
  void aDayOfTransfersAndItsSettlementFile() {
    database = new DerbyDatabase();
    files =
        new JdbcSettlementFiles(database.dataSource(), new SettlementFileParser(10_000_000), CLOCK);
    runs = new JdbcReconciliationRuns(database.dataSource(), CLOCK);
    byDate =
        new JdbcJournalByBusinessDate(
            database.dataSource(), new BusinessCalendar(TEHRAN, LocalTime.of(23, 0)));
    JdbcJournal journal =
        new JdbcJournal(database.dataSource(), TERMINAL, new byte[32], Clock.system(TEHRAN));
    List<SettlementRecord> settled = new ArrayList<>();
    for (int stan = 1; stan <= ENTRIES; stan++) {
      Instant at = DAY.atTime(9, 0).atZone(TEHRAN).toInstant().plusSeconds(stan * 60L);
      TransactionIds ids =
          new TransactionIds(new Stan(stan), new Rrn(String.format("612610%06d", stan)), at);
      JournalEntry entry =
          journal.open(
              "call-" + stan, TransactionType.TRANSFER, ids, CARD, Rials.of(1_000L * stan));
      // Every 7th the switch never settled (missing), every 5th it settled for 1 rial more
      // (mismatch), every 11th was declined yet settled; the rest match.
      boolean declined = stan % 11 == 0;
      journal.close(
          entry.id(),
          declined
              ? new SwitchOutcome.Declined(
                  org.phonebank.banking.DeclineReason.INSUFFICIENT_FUNDS, "51")
              : new SwitchOutcome.Approved("123456"));
      if (stan % 7 != 0) {
        long amount = 1_000L * stan + (stan % 5 == 0 ? 1 : 0);
        settled.add(record(stan, amount, at));
      }
    }
    // Two items the phone bank never heard of.
    settled.add(record(900, 5_000, DAY.atTime(12, 0).atZone(TEHRAN).toInstant()));
    settled.add(record(901, 6_000, DAY.atTime(12, 1).atZone(TEHRAN).toInstant()));
    byte[] content =
        SettlementFileWriter.write(
            new SettlementHeader("603799", TERMINAL, DAY, LocalTime.of(23, 0), CLOCK.instant()),
            settled);
    fileId =
        assertInstanceOf(
                Receipt.Loaded.class, files.receive("day.txt", "batch", content, DAY, TERMINAL))
            .fileId();
  }

  @AfterEach
  void drop() {
    database.close();
  }

  private static SettlementRecord record(int stan, long amount, Instant at) {
    return new SettlementRecord(
        DAY,
        at.atZone(TEHRAN).toLocalDate(),
        at.atZone(TEHRAN).toLocalTime().withNano(0),
        new Stan(stan),
        new Rrn(String.format("612610%06d", stan)),
        TERMINAL,
        "603799******7893",
        "400000",
        Rials.of(amount),
        "00",
        false,
        Rials.zero());
  }

  @TempDir Path work;
  private int runSize = RunCursor.RUN_SIZE;

  private RunCursor cursor() {
    return new RunCursor(files, byDate, runs, new Reconciler(TEHRAN), 3, work, runSize);
  }

  /**
   * Runs chunks of {@code size} groups from the stored checkpoint; stops after {@code chunks}
   * chunks (with one more chunk read and classified but never written, as a kill mid-chunk leaves
   * it) or at the end.
   */
  private void chunks(long runId, int size, int chunks) {
    RunCursor cursor = cursor();
    cursor.open(runId, ++executions);
    for (int chunk = 0; chunk < chunks; chunk++) {
      List<ItemRow> rows = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        RunCursor.NumberedGroup group = cursor.read();
        if (group == null) {
          cursor.write(rows);
          cursor.finish();
          return;
        }
        rows.addAll(cursor.classify(group));
      }
      cursor.write(rows);
    }
    for (int i = 0; i < size; i++) {
      RunCursor.NumberedGroup group = cursor.read();
      if (group != null) {
        cursor.classify(group);
      }
    }
  }

  @Test
  void anUninterruptedRunClassifiesEveryGroup() {
    long runId = runs.start(DAY, TERMINAL, fileId);

    chunks(runId, 4, Integer.MAX_VALUE);

    var totals = runs.totals(runId);
    // 40 entries: 5 never settled (7,14,21,28,35), of the settled 8 off by one rial (5,10,...,40
    // minus 35), 3 declined yet settled (11,22,33); 2 unknown.
    assertEquals(5, totals.get(DifferenceKind.MISSING_AT_SWITCH).count());
    assertEquals(7, totals.get(DifferenceKind.AMOUNT_MISMATCH).count());
    assertEquals(3, totals.get(DifferenceKind.DECLINED_BUT_SETTLED).count());
    assertEquals(new KindTotal(2, Rials.of(11_000)), totals.get(DifferenceKind.UNKNOWN_TO_US));
    assertEquals(40 - 5 - 7 - 3, totals.get(DifferenceKind.MATCHED).count());
    assertEquals("COMPLETED", runs.run(runId).state());
  }

  @Test
  void aRunStoppedInAnyChunkAndRestartedEndsExactlyAsAnUninterruptedOne() {
    long reference = runs.start(DAY, TERMINAL, fileId);
    chunks(reference, 4, Integer.MAX_VALUE);
    List<ItemRow> expected = runs.items(reference);
    assertTrue(expected.size() > 40);

    for (int stopAfter = 0; stopAfter <= 11; stopAfter += 3) {
      long runId = runs.start(DAY, TERMINAL, fileId);
      chunks(runId, 4, stopAfter);
      assertEquals("STARTED", runs.run(runId).state());
      assertEquals(4 * stopAfter, runs.run(runId).checkpoint());

      chunks(runId, 4, Integer.MAX_VALUE);

      assertEquals(expected, runs.items(runId), "stopped after chunk " + stopAfter);
    }
  }

  @Test
  void aRunWhoseSidesSpillIntoManySortedRunsOnDiskRestartsExactlyToo() throws Exception {
    long reference = runs.start(DAY, TERMINAL, fileId);
    chunks(reference, 4, Integer.MAX_VALUE);
    List<ItemRow> expected = runs.items(reference);

    runSize = 7;
    long runId = runs.start(DAY, TERMINAL, fileId);
    chunks(runId, 4, 3);
    chunks(runId, 4, Integer.MAX_VALUE);

    assertEquals(expected, runs.items(runId));
    assertEquals("COMPLETED", runs.run(runId).state());
  }

  @Test
  void aRunsProgressCountsItsGroupsAndItemsSoFarAndItIsListedFirst() {
    long runId = runs.start(DAY, TERMINAL, fileId);
    chunks(runId, 4, 2);

    JdbcReconciliationRuns.Progress halfWay = runs.progress(runId).orElseThrow();
    assertEquals(runs.items(runId).size(), halfWay.items());
    assertEquals(halfWay.items(), halfWay.matched() + halfWay.exceptions());
    assertTrue(halfWay.groupsTotal().orElseThrow() > 8, halfWay.groupsTotal().toString());
    assertEquals(8, halfWay.run().checkpoint());
    assertTrue(halfWay.endedAt().isEmpty());

    chunks(runId, 4, Integer.MAX_VALUE);
    JdbcReconciliationRuns.Progress done = runs.progress(runId).orElseThrow();
    assertEquals("COMPLETED", done.run().state());
    assertEquals(40 + 2, done.items(), "40 entries and two unknown lines");
    assertEquals(40 - 5 - 7 - 3, done.matched());
    assertTrue(done.endedAt().isPresent());
    assertEquals(runId, runs.recent(5).get(0).id());
    assertTrue(runs.progress(runId + 1).isEmpty());
  }

  @Test
  void aProgressReadWhileAChunkIsWrittenNeverHoldsUpTheChunk() throws Exception {
    long runId = runs.start(DAY, TERMINAL, fileId);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Connection writer = database.dataSource().getConnection();
    try {
      writer.setAutoCommit(false);
      // A chunk half written, as JdbcReconciliationRuns.write does it: its items in, not committed.
      try (PreparedStatement insert =
          writer.prepareStatement(
              "INSERT INTO recon_item (run_id, group_no, item_no, kind, match_key, amount)"
                  + " VALUES (?, 0, 0, 'MATCHED', 'key', 1000)")) {
        insert.setLong(1, runId);
        insert.executeUpdate();
      }
      // The back office polls the run's progress meanwhile: counting the items waits for the chunk.
      Future<Optional<JdbcReconciliationRuns.Progress>> reading =
          pool.submit(() -> runs.progress(runId));
      awaitALockWait();
      // The chunk's last step, the run's checkpoint, must not wait for the reader in turn.
      Future<Integer> advancing =
          pool.submit(
              () -> {
                try (PreparedStatement advance =
                    writer.prepareStatement(
                        "UPDATE recon_run SET checkpoint_groups = 1 WHERE id = ?")) {
                  advance.setLong(1, runId);
                  return advance.executeUpdate();
                }
              });
      assertEquals(1, advancing.get(10, TimeUnit.SECONDS));
      writer.commit();

      JdbcReconciliationRuns.Progress progress = reading.get(10, TimeUnit.SECONDS).orElseThrow();
      assertEquals(1, progress.items());
      assertEquals(1, runs.run(runId).checkpoint());
    } finally {
      pool.shutdownNow();
      writer.rollback();
      writer.close();
    }
  }

  private void awaitALockWait() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection look = database.dataSource().getConnection();
        PreparedStatement waits =
            look.prepareStatement(
                "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet row = waits.executeQuery()) {
          row.next();
          if (row.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the progress read never waited for the chunk");
  }

  @Test
  void anExecutionTakenOverByANewerOneCanNeitherWriteNorFinish() {
    long runId = runs.start(DAY, TERMINAL, fileId);
    RunCursor older = cursor();
    older.open(runId, 1);
    List<ItemRow> rows = older.classify(older.read());
    RunCursor newer = cursor();
    newer.open(runId, 2);

    assertThrows(IllegalStateException.class, () -> older.write(rows));
    assertFalse(older.finish());
    assertEquals(0, runs.run(runId).checkpoint());
  }
}
