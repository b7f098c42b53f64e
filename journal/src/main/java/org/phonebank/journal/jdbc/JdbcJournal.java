// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/**
 * The journal in the {@code switch_journal} table. Every call commits before it returns, so an entry opened
 * before a crash is still there, PENDING, after the restart, which is what store-and-forward and reconciliation
 * read. Only the masked card is written. The terminal id is this node's ISO 8583 field 41, stored with each
 * entry because STAN and RRN are unique only per terminal.
 */
public final class JdbcJournal implements Journal {

  private static final String COLUMNS =
      "id, call_id, type, stan, rrn, transmitted_at, masked_card, amount, state, response_code, updated_at";

  private final DataSource dataSource;
  private final String terminalId;
  private final Clock clock;

  public JdbcJournal(DataSource dataSource, String terminalId) {
    this(dataSource, terminalId, Clock.systemUTC());
  }

  public JdbcJournal(DataSource dataSource, String terminalId, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.terminalId = TerminalIds.checked(terminalId);
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  @Override
  public JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
    Objects.requireNonNull(callId, "Call id is required.");
    Objects.requireNonNull(type, "Transaction type is required.");
    Objects.requireNonNull(ids, "Transaction ids are required.");
    Objects.requireNonNull(card, "Card is required.");
    if (amount != null && amount.isNegative()) {
      throw new IllegalArgumentException("A request amount cannot be negative.");
    }
    Instant now = now();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO switch_journal (call_id, type, stan, rrn, terminal_id, transmitted_at, masked_card,"
              + " amount, state, response_code, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, callId);
        insert.setString(2, type.name());
        insert.setInt(3, ids.stan().value());
        insert.setString(4, ids.rrn().value());
        insert.setString(5, terminalId);
        Sql.setInstant(insert, 6, ids.transmittedAt());
        insert.setString(7, card.masked());
        if (amount == null) {
          insert.setNull(8, Types.BIGINT);
        } else {
          insert.setLong(8, amount.value());
        }
        insert.setString(9, EntryState.PENDING.name());
        Sql.setInstant(insert, 10, now);
        Sql.setInstant(insert, 11, now);
        insert.executeUpdate();
        long id = generatedId(insert);
        connection.commit();
        return new JournalEntry(
            id, callId, type, ids, card.masked(), amount, EntryState.PENDING, null, now);
      } catch (SQLException | RuntimeException e) {
        Sql.rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      if (Sql.isUniqueViolation(e)) {
        throw new IllegalStateException(
            "STAN " + ids.stan() + " / RRN " + ids.rrn() + " of terminal " + terminalId
                + " is already journalled.", e);
      }
      throw new JournalStoreException("Could not journal STAN " + ids.stan() + " before sending it.", e);
    }
  }

  @Override
  public JournalEntry close(long entryId, SwitchOutcome outcome) {
    Objects.requireNonNull(outcome, "Outcome is required.");
    EntryState state = JournalledSwitch.stateOf(outcome);
    String responseCode =
        outcome instanceof SwitchOutcome.Declined declined ? declined.responseCode() : null;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // Only a PENDING row moves, so two concurrent closes cannot both win; the loser re-reads below.
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE switch_journal SET state = ?, response_code = ?, updated_at = ?"
                + " WHERE id = ? AND state = ?")) {
          update.setString(1, state.name());
          update.setString(2, responseCode);
          Sql.setInstant(update, 3, now());
          update.setLong(4, entryId);
          update.setString(5, EntryState.PENDING.name());
          update.executeUpdate();
        }
        JournalEntry entry = find(connection, entryId);
        connection.commit();
        if (entry.state() != state) {
          throw new IllegalStateException(
              "Journal entry " + entryId + " is already " + entry.state() + ", cannot close it as " + state + ".");
        }
        return entry;
      } catch (SQLException | RuntimeException e) {
        Sql.rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalStoreException("Could not close journal entry " + entryId + ".", e);
    }
  }

  @Override
  public List<JournalEntry> forCall(String callId) {
    Objects.requireNonNull(callId, "Call id is required.");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM switch_journal WHERE call_id = ? ORDER BY id")) {
      query.setString(1, callId);
      List<JournalEntry> entries = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the journal of a call.", e);
    }
  }

  private static JournalEntry find(Connection connection, long entryId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM switch_journal WHERE id = ?")) {
      query.setLong(1, entryId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("No journal entry " + entryId + ".");
        }
        return entry(rows);
      }
    }
  }

  private static JournalEntry entry(ResultSet row) throws SQLException {
    long amountValue = row.getLong("amount");
    Rials amount = row.wasNull() ? null : Rials.of(amountValue);
    return new JournalEntry(
        row.getLong("id"),
        row.getString("call_id"),
        TransactionType.valueOf(row.getString("type")),
        new TransactionIds(
            new Stan(row.getInt("stan")),
            new Rrn(row.getString("rrn")),
            Sql.getInstant(row, "transmitted_at")),
        row.getString("masked_card"),
        amount,
        EntryState.valueOf(row.getString("state")),
        row.getString("response_code"),
        Sql.getInstant(row, "updated_at"));
  }

  private static long generatedId(Statement insert) throws SQLException {
    // Derby returns just the identity column, PostgreSQL every column (RETURNING *); id is first in both.
    try (ResultSet keys = insert.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("The database returned no id for the new journal entry.");
      }
      return keys.getLong(1);
    }
  }

  // Millisecond precision: what both databases keep, so an entry read back equals the one returned.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
