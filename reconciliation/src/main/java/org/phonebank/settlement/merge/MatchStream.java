// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.merge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.settlement.MatchGroup;
import org.phonebank.settlement.MatchKey;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.SettlementRecord;

/**
 * One terminal's journal and settlement lines merged in match-key order into the groups {@link
 * Reconciler} classifies: each side is added in any order (the journal best as SQL gives it, by
 * time, which is already local-date order), goes through its own external sort, and {@link #groups}
 * merges the two sorted streams. Only the group being read is ever decoded into objects, so the
 * heap holds a run buffer per side and one group, not the day. The groups are the same, in the same
 * order, as {@link MatchGroup#of} gives for the same inputs.
 */
public final class MatchStream implements AutoCloseable {

  private final Reconciler reconciler;
  private final String terminalId;
  private final SortedRuns journal;
  private final SortedRuns settlement;

  /**
   * A stream of {@code terminalId}'s groups; sorted runs of {@code runSize} items go to {@code
   * directory}.
   */
  public MatchStream(Reconciler reconciler, String terminalId, Path directory, int runSize) {
    this.reconciler = Objects.requireNonNull(reconciler, "Reconciler is required.");
    this.terminalId = Objects.requireNonNull(terminalId, "Terminal id is required.");
    this.journal = new SortedRuns(directory, "journal-", runSize);
    this.settlement = new SortedRuns(directory, "settlement-", runSize);
  }

  /** Adds a journal entry; another terminal's is not this run's business and is left out. */
  public void addJournal(BusinessDayEntry line) {
    if (line.terminalId().equals(terminalId)) {
      journal.add(PackedKey.of(reconciler.keyOf(line)), JournalPayload.encode(line));
    }
  }

  /** Adds a settlement line; another terminal's is not this run's business and is left out. */
  public void addSettlement(int lineNo, SettlementRecord record) {
    if (record.terminalId().equals(terminalId)) {
      settlement.add(PackedKey.of(record.key()), SettlementPayload.encode(lineNo, record));
    }
  }

  /** How many items both sides hold. */
  public long items() {
    return journal.size() + settlement.size();
  }

  /** A new pass over the groups in key order; adding ends with the first. */
  public Groups groups() {
    return new Groups(journal.cursor(), settlement.cursor());
  }

  @Override
  public void close() {
    journal.close();
    settlement.close();
  }

  /** A group and the file line number of each of its settlement records, in the same order. */
  public record StreamedGroup(MatchGroup group, int[] lineNos) {

    /** The line number of {@code record}, which must be one of this group's (by identity). */
    public int lineNo(SettlementRecord record) {
      List<SettlementRecord> records = group.settlement();
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i) == record) {
          return lineNos[i];
        }
      }
      throw new IllegalArgumentException("Not a record of this group: " + record.key());
    }
  }

  /** One pass over the merged groups. */
  public static final class Groups implements AutoCloseable {
    private final SortedRuns.Cursor ours;
    private final SortedRuns.Cursor theirs;
    private boolean oursLeft;
    private boolean theirsLeft;
    private long groupHigh;

    Groups(SortedRuns.Cursor ours, SortedRuns.Cursor theirs) {
      this.ours = ours;
      this.theirs = theirs;
      this.oursLeft = ours.next();
      this.theirsLeft = theirs.next();
    }

    /** Moves past the next group without decoding it; false when there was none. */
    public boolean skip() {
      return advance(null, null);
    }

    /** The next group, decoded, or null at the end. */
    public StreamedGroup next() {
      List<byte[]> journal = new ArrayList<>(1);
      List<byte[]> settlement = new ArrayList<>(1);
      if (!advance(journal, settlement)) {
        return null;
      }
      List<BusinessDayEntry> entries = new ArrayList<>(journal.size());
      for (byte[] payload : journal) {
        entries.add(JournalPayload.decode(payload));
      }
      List<SettlementRecord> records = new ArrayList<>(settlement.size());
      int[] lineNos = new int[settlement.size()];
      for (int i = 0; i < lineNos.length; i++) {
        SettlementPayload.Line line = SettlementPayload.decode(settlement.get(i));
        records.add(line.record());
        lineNos[i] = line.lineNo();
      }
      String sortKey =
          MatchGroup.sortKey(records.isEmpty() ? keyOf(entries.get(0)) : records.get(0).key());
      return new StreamedGroup(new MatchGroup(sortKey, entries, records), lineNos);
    }

    /**
     * The key a journal entry was added under: its local date (in the reconciler's zone) is the
     * packed key's day.
     */
    private MatchKey keyOf(BusinessDayEntry line) {
      return new MatchKey(
          line.entry().ids().rrn(),
          line.entry().ids().stan(),
          line.terminalId(),
          LocalDate.ofEpochDay(groupHigh >>> 32));
    }

    private boolean advance(List<byte[]> journal, List<byte[]> settlement) {
      if (!oursLeft && !theirsLeft) {
        return false;
      }
      long high;
      long low;
      if (!theirsLeft
          || (oursLeft
              && (ours.high() < theirs.high()
                  || (ours.high() == theirs.high() && ours.low() <= theirs.low())))) {
        high = ours.high();
        low = ours.low();
      } else {
        high = theirs.high();
        low = theirs.low();
      }
      groupHigh = high;
      while (oursLeft && ours.high() == high && ours.low() == low) {
        if (journal != null) {
          journal.add(ours.payload());
        }
        oursLeft = ours.next();
      }
      while (theirsLeft && theirs.high() == high && theirs.low() == low) {
        if (settlement != null) {
          settlement.add(theirs.payload());
        }
        theirsLeft = theirs.next();
      }
      return true;
    }

    @Override
    public void close() {
      ours.close();
      theirs.close();
    }
  }
}
