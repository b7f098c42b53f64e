// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.phonebank.journal.JournalByBusinessDate;
import org.phonebank.settlement.MatchGroup;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationItem;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.jdbc.ItemRow;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.JdbcSettlementFiles;
import org.phonebank.settlement.merge.MatchStream;

/**
 * One reconciliation run, group by group. {@link #open} streams the run's settlement lines and the
 * business date's journal (with {@code carryDays} before it and a day after, for late and early
 * presentments) into a {@link MatchStream}, which sorts each side externally and merges them in key
 * order, decoding only the group being read. The checkpoint is the number of groups already
 * written, stored with their items in one transaction; opening a run goes on from the stored
 * checkpoint (passing over the groups before it without decoding them, and discarding anything
 * written after it, should it exist). The same inputs always give the same groups in the same
 * order, which is what makes a restarted run end exactly as an uninterrupted one.
 */
public final class RunCursor implements AutoCloseable {

  /** Items per sorted run and side: about 15 MB of heap each, a few runs for a million. */
  public static final int RUN_SIZE = 100_000;

  private final JdbcSettlementFiles files;
  private final JournalByBusinessDate journal;
  private final JdbcReconciliationRuns runs;
  private final Reconciler reconciler;
  private final int carryDays;
  private final Path workDirectory;
  private final int runSize;

  private JdbcReconciliationRuns.Run run;
  private MatchStream stream;
  private MatchStream.Groups groups;
  private int total;
  private int position;
  private int written;
  private long executionId;

  public RunCursor(
      JdbcSettlementFiles files,
      JournalByBusinessDate journal,
      JdbcReconciliationRuns runs,
      Reconciler reconciler,
      int carryDays) {
    this(
        files,
        journal,
        runs,
        reconciler,
        carryDays,
        Path.of(System.getProperty("java.io.tmpdir")),
        RUN_SIZE);
  }

  /** A cursor whose sorted runs of {@code runSize} items go to {@code workDirectory}. */
  public RunCursor(
      JdbcSettlementFiles files,
      JournalByBusinessDate journal,
      JdbcReconciliationRuns runs,
      Reconciler reconciler,
      int carryDays,
      Path workDirectory,
      int runSize) {
    this.files = Objects.requireNonNull(files, "Settlement files are required.");
    this.journal = Objects.requireNonNull(journal, "Journal is required.");
    this.runs = Objects.requireNonNull(runs, "Runs are required.");
    this.reconciler = Objects.requireNonNull(reconciler, "Reconciler is required.");
    this.workDirectory = Objects.requireNonNull(workDirectory, "Work directory is required.");
    if (carryDays < 0) {
      throw new IllegalArgumentException("Carry days cannot be negative.");
    }
    this.carryDays = carryDays;
    this.runSize = runSize;
  }

  /** A group to classify and where it stands in the run. */
  public record NumberedGroup(int groupNo, MatchStream.StreamedGroup streamed) {

    public MatchGroup group() {
      return streamed.group();
    }
  }

  /**
   * Opens {@code runId} for {@code executionId} (which takes the run over from any earlier
   * execution) at its stored checkpoint, discarding whatever was written past it.
   */
  public void open(long runId, long executionId) {
    close();
    this.executionId = executionId;
    runs.claim(runId, executionId);
    run = runs.run(runId);
    stream = new MatchStream(reconciler, run.terminalId(), workDirectory, runSize);
    files.forEachLine(run.fileId(), line -> stream.addSettlement(line.lineNo(), line.record()));
    journal.forEachInTimeOrder(
        run.terminalId(),
        run.businessDate().minusDays(carryDays),
        run.businessDate().plusDays(1),
        stream::addJournal);
    // A pass over the keys alone counts the groups, so progress has its whole from the start.
    total = 0;
    try (MatchStream.Groups counting = stream.groups()) {
      while (counting.skip()) {
        total++;
      }
    }
    runs.total(runId, total);
    position = run.checkpoint();
    written = position;
    runs.discardFrom(runId, position);
    groups = stream.groups();
    // The groups written before the stop are passed over undecoded.
    int passed = 0;
    while (passed < position && groups.skip()) {
      passed++;
    }
  }

  /** The next group, or null at the end. */
  public NumberedGroup read() {
    if (position >= total) {
      return null;
    }
    NumberedGroup next = new NumberedGroup(position, groups.next());
    position++;
    return next;
  }

  /** How many groups have been read: the checkpoint once the chunk that read them is written. */
  public int checkpoint() {
    return position;
  }

  public int groups() {
    return total;
  }

  /** The rows the group classifies into (none when both sides agree nothing moved). */
  public List<ItemRow> classify(NumberedGroup numbered) {
    MatchGroup group = numbered.group();
    List<ReconciliationItem> items =
        reconciler
            .reconcile(run.businessDate(), run.terminalId(), group.journal(), group.settlement())
            .items();
    List<ItemRow> rows = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ReconciliationItem item = items.get(i);
      SettlementRecord record = item.settlementRecord();
      rows.add(
          new ItemRow(
              numbered.groupNo(),
              i,
              item.kind(),
              item.key().toString(),
              item.journalEntry() == null ? null : item.journalEntry().id(),
              record == null ? null : run.fileId(),
              record == null ? null : numbered.streamed().lineNo(record),
              item.amount().value()));
    }
    return rows;
  }

  /** Writes the rows of the groups read since the last write, and the checkpoint with them. */
  public void write(List<ItemRow> rows) {
    runs.write(run.id(), rows, position, executionId);
    written = position;
  }

  /** How many groups are written, checkpoint included. */
  public int written() {
    return written;
  }

  public long runId() {
    return run.id();
  }

  /** Closes the run; false when another execution has taken it over. */
  public boolean finish() {
    return runs.finish(run.id(), "COMPLETED", total, executionId);
  }

  /** Lets go of the sorted runs' files; the cursor can be opened again. */
  @Override
  public void close() {
    if (groups != null) {
      groups.close();
      groups = null;
    }
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
