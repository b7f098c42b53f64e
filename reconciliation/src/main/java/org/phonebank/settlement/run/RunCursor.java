// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.run;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.JournalByBusinessDate;
import org.phonebank.settlement.MatchGroup;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationItem;
import org.phonebank.settlement.SettlementRecord;
import org.phonebank.settlement.jdbc.ItemRow;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.JdbcSettlementFiles;

/**
 * One reconciliation run, group by group. {@link #open} loads the business date's journal (with
 * {@code carryDays} before it and a day after, for late and early presentments) and the run's
 * settlement lines, and puts them in key order. The checkpoint is the number of groups already
 * written, stored with their items in one transaction; opening a run goes on from the stored
 * checkpoint (and discards anything after it, should it exist). The same inputs always give the
 * same groups in the same order, which is what makes a restarted run end exactly as an
 * uninterrupted one.
 */
public final class RunCursor {

  private final JdbcSettlementFiles files;
  private final JournalByBusinessDate journal;
  private final JdbcReconciliationRuns runs;
  private final Reconciler reconciler;
  private final int carryDays;

  private JdbcReconciliationRuns.Run run;
  private List<MatchGroup> groups = List.of();
  private final Map<SettlementRecord, Integer> lineNumbers = new IdentityHashMap<>();
  private int position;
  private int written;
  private long executionId;

  public RunCursor(
      JdbcSettlementFiles files,
      JournalByBusinessDate journal,
      JdbcReconciliationRuns runs,
      Reconciler reconciler,
      int carryDays) {
    this.files = Objects.requireNonNull(files, "Settlement files are required.");
    this.journal = Objects.requireNonNull(journal, "Journal is required.");
    this.runs = Objects.requireNonNull(runs, "Runs are required.");
    this.reconciler = Objects.requireNonNull(reconciler, "Reconciler is required.");
    if (carryDays < 0) {
      throw new IllegalArgumentException("Carry days cannot be negative.");
    }
    this.carryDays = carryDays;
  }

  /** A group to classify and where it stands in the run. */
  public record NumberedGroup(int groupNo, MatchGroup group) {}

  /**
   * Opens {@code runId} for {@code executionId} (which takes the run over from any earlier
   * execution) at its stored checkpoint, discarding whatever was written past it.
   */
  public void open(long runId, long executionId) {
    this.executionId = executionId;
    runs.claim(runId, executionId);
    run = runs.run(runId);
    List<SettlementRecord> records = new ArrayList<>();
    for (JdbcSettlementFiles.Line line : files.lines(run.fileId())) {
      records.add(line.record());
      lineNumbers.put(line.record(), line.lineNo());
    }
    List<BusinessDayEntry> ours =
        journal.entries(
            run.terminalId(),
            run.businessDate().minusDays(carryDays),
            run.businessDate().plusDays(1));
    groups = MatchGroup.of(reconciler, ours, records);
    runs.total(runId, groups.size());
    position = run.checkpoint();
    written = position;
    runs.discardFrom(runId, position);
  }

  /** The next group, or null at the end. */
  public NumberedGroup read() {
    if (position >= groups.size()) {
      return null;
    }
    NumberedGroup next = new NumberedGroup(position, groups.get(position));
    position++;
    return next;
  }

  /** How many groups have been read: the checkpoint once the chunk that read them is written. */
  public int checkpoint() {
    return position;
  }

  public int groups() {
    return groups.size();
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
              record == null ? null : lineNumbers.get(record),
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
    return runs.finish(run.id(), "COMPLETED", groups.size(), executionId);
  }
}
