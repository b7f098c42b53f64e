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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.DeadLetter;
import org.phonebank.saf.QueuedAdvice;

/**
 * Store-and-forward in the {@code advice_queue} table, one row per journal entry: ARMED, then
 * RELEASED with a release number drawn from {@code advice_release_seq}, then ACKNOWLEDGED, when the
 * sealed message is wiped and the row stays as the record of the switch's answer. A released advice
 * that cannot be sent goes to DEAD_LETTER, out of the queue's way, until an operator retries it
 * (RELEASED again, with a new release number) or closes it (CLOSED, message wiped). Every change is
 * a single guarded statement that commits at once, so nodes sharing the database may arm, release
 * and count attempts concurrently; two nodes reading {@link #released} together may both send the
 * same advice, which a switch treats as a repeat.
 */
public final class JdbcAdviceQueue implements AdviceQueue {

  private static final String COLUMNS =
      "journal_entry_id, mti, stan, rrn, sealed_message, attempts, armed_at, released_at";

  /** Entry ids asked about in one statement by {@link #stages}. */
  private static final int STAGES_PER_QUERY = 100;

  private static final int REASON_LENGTH = 200;

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
                  Sql.getInstant(rows, "armed_at"),
                  Sql.getInstant(rows, "released_at")));
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

  @Override
  public Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds) {
    Objects.requireNonNull(journalEntryIds, "Journal entry ids are required.");
    List<Long> ids = List.copyOf(journalEntryIds);
    Map<Long, ReversalStage> stages = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += STAGES_PER_QUERY) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + STAGES_PER_QUERY));
        String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT journal_entry_id, state FROM advice_queue WHERE journal_entry_id IN ("
                    + marks
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            query.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              stages.put(rows.getLong(1), ReversalStage.valueOf(rows.getString(2)));
            }
          }
        }
      }
      return stages;
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the stages of advices.", e);
    }
  }

  @Override
  public void deadLetter(long journalEntryId, String reason, Instant at) {
    String checked = reason(reason);
    Objects.requireNonNull(at, "Dead-letter time is required.");
    try {
      Transactions.update(
          dataSource,
          "UPDATE advice_queue SET state = 'DEAD_LETTER', dead_lettered_at = ?, dead_letter_reason = ?"
              + " WHERE journal_entry_id = ? AND state = 'RELEASED'",
          update -> {
            Sql.setInstant(update, 1, at);
            update.setString(2, checked);
            update.setLong(3, journalEntryId);
          });
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not set aside the advice of journal entry " + journalEntryId + ".", e);
    }
  }

  @Override
  public List<DeadLetter> deadLetters(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("Cannot read a negative number of dead letters.");
    }
    List<DeadLetter> dead = new ArrayList<>();
    if (max == 0) {
      return dead;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT journal_entry_id, mti, stan, rrn, attempts, dead_lettered_at,"
                    + " dead_letter_reason FROM advice_queue WHERE state = 'DEAD_LETTER'"
                    + " ORDER BY dead_lettered_at, journal_entry_id")) {
      query.setMaxRows(max);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          dead.add(
              new DeadLetter(
                  rows.getLong("journal_entry_id"),
                  rows.getString("mti"),
                  new Stan(rows.getInt("stan")),
                  new Rrn(rows.getString("rrn")),
                  rows.getInt("attempts"),
                  Sql.getInstant(rows, "dead_lettered_at"),
                  rows.getString("dead_letter_reason")));
        }
      }
      return dead;
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the dead letters.", e);
    }
  }

  @Override
  public boolean retry(long journalEntryId, Instant at) {
    Objects.requireNonNull(at, "Retry time is required.");
    try {
      long order =
          Transactions.autoCommitted(
              dataSource, connection -> Sql.nextValue(connection, "advice_release_seq"));
      // attempts back to at most 1: counted afresh, and a message sent before stays a repeat.
      return Transactions.update(
              dataSource,
              "UPDATE advice_queue SET state = 'RELEASED', release_order = ?, released_at = ?,"
                  + " attempts = CASE WHEN attempts > 0 THEN 1 ELSE 0 END"
                  + " WHERE journal_entry_id = ? AND state = 'DEAD_LETTER'",
              update -> {
                update.setLong(1, order);
                Sql.setInstant(update, 2, at.truncatedTo(ChronoUnit.MILLIS));
                update.setLong(3, journalEntryId);
              })
          == 1;
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not retry the dead letter of journal entry " + journalEntryId + ".", e);
    }
  }

  @Override
  public boolean close(long journalEntryId, String reason, Instant at) {
    String checked = reason(reason);
    Objects.requireNonNull(at, "Closing time is required.");
    try {
      return Transactions.update(
              dataSource,
              "UPDATE advice_queue SET state = 'CLOSED', closed_at = ?, closed_reason = ?,"
                  + " sealed_message = NULL WHERE journal_entry_id = ? AND state = 'DEAD_LETTER'",
              update -> {
                Sql.setInstant(update, 1, at);
                update.setString(2, checked);
                update.setLong(3, journalEntryId);
              })
          == 1;
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not close the dead letter of journal entry " + journalEntryId + ".", e);
    }
  }

  private static String reason(String reason) {
    Objects.requireNonNull(reason, "A reason is required.");
    String trimmed = reason.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("A reason is required.");
    }
    return trimmed.length() > REASON_LENGTH ? trimmed.substring(0, REASON_LENGTH) : trimmed;
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
