// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.QueuedAdvice;

/**
 * Store-and-forward in the {@code advice_queue} table, one row per journal entry: ARMED, then
 * RELEASED with a release number drawn from {@code advice_release_seq}, then ACKNOWLEDGED, when the
 * sealed message is wiped and the row stays as the record of the switch's answer. Every change is a
 * single guarded statement that commits at once, so nodes sharing the database may arm, release and
 * count attempts concurrently; two nodes reading {@link #released} together may both send the same
 * advice, which a switch treats as a repeat.
 */
public final class JdbcAdviceQueue implements AdviceQueue {

  private static final String COLUMNS =
      "journal_entry_id, mti, stan, rrn, sealed_message, attempts, armed_at";

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcAdviceQueue(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  @Override
  public void arm(QueuedAdvice advice) {
    Objects.requireNonNull(advice, "Advice is required.");
    try {
      Transactions.autoCommitted(
          dataSource,
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO advice_queue (journal_entry_id, mti, stan, rrn, sealed_message, state,"
                        + " attempts, armed_at) VALUES (?, ?, ?, ?, ?, 'ARMED', ?, ?)")) {
              insert.setLong(1, advice.journalEntryId());
              insert.setString(2, advice.mti());
              insert.setInt(3, advice.stan().value());
              insert.setString(4, advice.rrn().value());
              insert.setBytes(5, advice.sealedMessage());
              insert.setInt(6, advice.attempts());
              Sql.setInstant(insert, 7, advice.armedAt());
              return insert.executeUpdate();
            }
          });
    } catch (SQLException e) {
      // The entry is already armed, released or answered (perhaps by another node): arming again is
      // a no-op.
      if (!Sql.isUniqueViolation(e)) {
        throw new JournalStoreException(
            "Could not arm the advice of journal entry " + advice.journalEntryId() + ".", e);
      }
    }
  }

  @Override
  public void discard(long journalEntryId) {
    update(
        "DELETE FROM advice_queue WHERE journal_entry_id = ? AND state = 'ARMED'",
        journalEntryId,
        "discard");
  }

  @Override
  public void release(long journalEntryId) {
    try {
      // The number is drawn on its own, outside the update's transaction, so the sequence's catalog
      // row is never held while the update waits: a release that turns out to be a repeat, or is
      // retried, just leaves a gap.
      long order =
          Transactions.autoCommitted(
              dataSource, connection -> Sql.nextValue(connection, "advice_release_seq"));
      Transactions.autoCommitted(
          dataSource,
          connection -> {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE advice_queue SET state = 'RELEASED', release_order = ?, released_at = ?"
                        + " WHERE journal_entry_id = ? AND state = 'ARMED'")) {
              update.setLong(1, order);
              Sql.setInstant(update, 2, clock.instant().truncatedTo(ChronoUnit.MILLIS));
              update.setLong(3, journalEntryId);
              return update.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not release the advice of journal entry " + journalEntryId + ".", e);
    }
  }

  @Override
  public List<QueuedAdvice> released(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("Cannot read a negative number of advices.");
    }
    List<QueuedAdvice> advices = new ArrayList<>();
    if (max == 0) {
      return advices;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM advice_queue WHERE state = 'RELEASED' ORDER BY release_order")) {
      query.setMaxRows(max);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          advices.add(
              new QueuedAdvice(
                  rows.getLong("journal_entry_id"),
                  rows.getString("mti"),
                  new Stan(rows.getInt("stan")),
                  new Rrn(rows.getString("rrn")),
                  rows.getBytes("sealed_message"),
                  rows.getInt("attempts"),
                  Sql.getInstant(rows, "armed_at")));
        }
      }
      return advices;
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the released advices.", e);
    }
  }

  @Override
  public void attempted(long journalEntryId, Instant at) {
    Objects.requireNonNull(at, "Attempt time is required.");
    // attempts + 1 in the database, not read-then-write, so attempts counted by two nodes are both
    // kept.
    try {
      Transactions.update(
          dataSource,
          "UPDATE advice_queue SET attempts = attempts + 1, last_attempt_at = ?"
              + " WHERE journal_entry_id = ? AND state = 'RELEASED'",
          update -> {
            Sql.setInstant(update, 1, at);
            update.setLong(2, journalEntryId);
          });
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not count an attempt of the advice of journal entry " + journalEntryId + ".", e);
    }
  }

  @Override
  public void acknowledged(long journalEntryId, String responseCode, Instant at) {
    Objects.requireNonNull(at, "Acknowledgement time is required.");
    if (responseCode != null && !responseCode.matches("[0-9A-Za-z]{2}")) {
      throw new IllegalArgumentException("A response code is two letters or digits.");
    }
    // The first answer stands: a repeated 0430 finds the row ACKNOWLEDGED and changes nothing.
    try {
      Transactions.update(
          dataSource,
          "UPDATE advice_queue SET state = 'ACKNOWLEDGED', response_code = ?, acknowledged_at = ?,"
              + " sealed_message = NULL WHERE journal_entry_id = ? AND state IN ('ARMED', 'RELEASED')",
          update -> {
            update.setString(1, responseCode);
            Sql.setInstant(update, 2, at);
            update.setLong(3, journalEntryId);
          });
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not record the acknowledgement of journal entry " + journalEntryId + ".", e);
    }
  }

  @Override
  public Set<Long> armed() {
    Set<Long> armed = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT journal_entry_id FROM advice_queue WHERE state = 'ARMED'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        armed.add(rows.getLong(1));
      }
      return Set.copyOf(armed);
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the armed advices.", e);
    }
  }

  private void update(String sql, long journalEntryId, String action) {
    try {
      Transactions.update(dataSource, sql, update -> update.setLong(1, journalEntryId));
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not " + action + " the advice of journal entry " + journalEntryId + ".", e);
    }
  }
}
