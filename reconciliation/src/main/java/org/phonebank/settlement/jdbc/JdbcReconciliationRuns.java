// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;

/**
 * Reconciliation runs and their classified items in {@code recon_run} / {@code recon_item}. Items
 * are written per match-key group; writing a group again replaces it, and a restart discards the
 * groups after its checkpoint first, so a run interrupted anywhere and restarted ends with exactly
 * the rows of an uninterrupted one.
 */
public final class JdbcReconciliationRuns {

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcReconciliationRuns(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /** A run as recorded. */
  public record Run(
      long id,
      LocalDate businessDate,
      String terminalId,
      long fileId,
      String state,
      int checkpoint,
      Long jobExecutionId) {}

  public long start(LocalDate businessDate, String terminalId, long fileId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO recon_run (business_date, terminal_id, file_id, state, started_at,"
                    + " checkpoint_groups) VALUES (?, ?, ?, 'STARTED', ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setDate(1, Date.valueOf(businessDate));
      insert.setString(2, terminalId);
      insert.setLong(3, fileId);
      insert.setTimestamp(4, Timestamp.from(clock.instant()));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not start a reconciliation run.", e);
    }
  }

  public Run run(long runId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT business_date, terminal_id, file_id, state, checkpoint_groups,"
                    + " job_execution_id FROM recon_run WHERE id = ?")) {
      query.setLong(1, runId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("No reconciliation run " + runId + ".");
        }
        return new Run(
            runId,
            row.getDate(1).toLocalDate(),
            row.getString(2),
            row.getLong(3),
            row.getString(4),
            row.getInt(5),
            nullableLong(row, "job_execution_id"));
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not read reconciliation run " + runId + ".", e);
    }
  }

  /** Drops the items of groups {@code fromGroup} onwards: what a restart redoes. */
  public void discardFrom(long runId, int fromGroup) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM recon_item WHERE run_id = ? AND group_no >= ?")) {
      delete.setLong(1, runId);
      delete.setInt(2, fromGroup);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not reset run " + runId + ".", e);
    }
  }

  /**
   * Writes the items of some groups and the new checkpoint (groups done) in one transaction,
   * replacing what those groups had.
   */
  public void write(long runId, List<ItemRow> rows, int checkpoint, long jobExecutionId) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM recon_item WHERE run_id = ? AND group_no = ?");
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO recon_item (run_id, group_no, item_no, kind, match_key, journal_id,"
                      + " file_id, line_no, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        rows.stream()
            .mapToInt(ItemRow::groupNo)
            .distinct()
            .forEach(
                group -> {
                  try {
                    delete.setLong(1, runId);
                    delete.setInt(2, group);
                    delete.addBatch();
                  } catch (SQLException e) {
                    throw new SettlementStoreException("Could not clear a group.", e);
                  }
                });
        delete.executeBatch();
        for (ItemRow row : rows) {
          insert.setLong(1, runId);
          insert.setInt(2, row.groupNo());
          insert.setInt(3, row.itemNo());
          insert.setString(4, row.kind().name());
          insert.setString(5, row.matchKey());
          setLong(insert, 6, row.journalId());
          setLong(insert, 7, row.fileId());
          if (row.lineNo() == null) {
            insert.setNull(8, Types.INTEGER);
          } else {
            insert.setInt(8, row.lineNo());
          }
          insert.setLong(9, row.amount());
          insert.addBatch();
        }
        insert.executeBatch();
        try (PreparedStatement advance =
            connection.prepareStatement(
                "UPDATE recon_run SET checkpoint_groups = ? WHERE id = ? AND job_execution_id = ?"
                    + " AND state = 'STARTED'")) {
          advance.setInt(1, checkpoint);
          advance.setLong(2, runId);
          advance.setLong(3, jobExecutionId);
          if (advance.executeUpdate() != 1) {
            throw new IllegalStateException(
                "Run "
                    + runId
                    + " is no longer worked on by execution "
                    + jobExecutionId
                    + ": nothing written.");
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not write items of run " + runId + ".", e);
    }
  }

  /**
   * Makes {@code jobExecutionId} the one execution that may write the run from now on: an earlier
   * execution still going (say, of an undeployed copy of the app) is refused its next write.
   */
  public void claim(long runId, long jobExecutionId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE recon_run SET job_execution_id = ? WHERE id = ?")) {
      update.setLong(1, jobExecutionId);
      update.setLong(2, runId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not claim run " + runId + ".", e);
    }
  }

  /**
   * Records how many match-key groups the run has in all, once its cursor has put them in order:
   * what progress is measured against.
   */
  public void total(long runId, int groups) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE recon_run SET groups_total = ? WHERE id = ?")) {
      update.setInt(1, groups);
      update.setLong(2, runId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not record the size of run " + runId + ".", e);
    }
  }

  /** A run as the back office follows it: when, how far, and its items so far by kind. */
  public record Progress(
      Run run,
      Instant startedAt,
      Optional<Instant> endedAt,
      Optional<Integer> groupsTotal,
      Map<DifferenceKind, KindTotal> totals) {

    /** Items written so far. */
    public long items() {
      return totals.values().stream().mapToLong(KindTotal::count).sum();
    }

    public long matched() {
      return totals.get(DifferenceKind.MATCHED).count();
    }

    public long exceptions() {
      return totals.entrySet().stream()
          .filter(e -> e.getKey().isException())
          .mapToLong(e -> e.getValue().count())
          .sum();
    }
  }

  /**
   * The run's progress; empty when there is no such run. The run's row is read and let go before
   * its items are counted: on Derby a cursor on the row holds a shared lock on it, the counting
   * waits for a chunk being written, and that chunk's last step updates the row, so holding the one
   * while waiting for the other stopped the job's writer until Derby's lock time-out (found by the
   * back office's upload test, polling progress while a chunk was written).
   */
  public Optional<Progress> progress(long runId) {
    Instant started;
    Optional<Instant> ended;
    Optional<Integer> groups;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT started_at, ended_at, groups_total FROM recon_run WHERE id = ?")) {
      query.setLong(1, runId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        started = row.getTimestamp("started_at").toInstant();
        ended = Optional.ofNullable(row.getTimestamp("ended_at")).map(Timestamp::toInstant);
        int total = row.getInt("groups_total");
        groups = row.wasNull() ? Optional.empty() : Optional.of(total);
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not read run " + runId + ".", e);
    }
    return Optional.of(new Progress(run(runId), started, ended, groups, totals(runId)));
  }

  /** The latest {@code limit} runs, newest first. */
  public List<Run> recent(int limit) {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT id FROM recon_run ORDER BY id DESC")) {
      query.setMaxRows(limit);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          ids.add(row.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not list runs.", e);
    }
    return ids.stream().map(this::run).toList();
  }

  /** A business date's volume: the items and exceptions of its latest completed run(s). */
  public record Day(LocalDate businessDate, long items, long exceptions) {}

  /**
   * The business dates from {@code first} to {@code last} (inclusive) that have a completed run,
   * oldest first, each with the items and exceptions of its latest completed run per terminal (an
   * earlier run of the same date was run again and is not counted twice).
   */
  public List<Day> daily(LocalDate first, LocalDate last) {
    Map<LocalDate, long[]> days = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT r.business_date, i.kind, COUNT(i.run_id) FROM recon_run r"
                    + " LEFT JOIN recon_item i ON i.run_id = r.id"
                    + " WHERE r.state = 'COMPLETED' AND r.business_date BETWEEN ? AND ?"
                    + " AND r.id = (SELECT MAX(l.id) FROM recon_run l WHERE l.state = 'COMPLETED'"
                    + " AND l.business_date = r.business_date AND l.terminal_id = r.terminal_id)"
                    + " GROUP BY r.business_date, i.kind")) {
      query.setDate(1, Date.valueOf(first));
      query.setDate(2, Date.valueOf(last));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long[] day = days.computeIfAbsent(row.getDate(1).toLocalDate(), d -> new long[2]);
          String kind = row.getString(2);
          long count = row.getLong(3);
          day[0] += count;
          if (kind != null && DifferenceKind.valueOf(kind).isException()) {
            day[1] += count;
          }
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not total the business dates.", e);
    }
    return days.entrySet().stream()
        .map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  /** The latest business date with a completed run, if any. */
  public Optional<LocalDate> lastCompletedDate() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT MAX(business_date) FROM recon_run WHERE state = 'COMPLETED'");
        ResultSet row = query.executeQuery()) {
      row.next();
      Date date = row.getDate(1);
      return date == null ? Optional.empty() : Optional.of(date.toLocalDate());
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not find the last reconciled date.", e);
    }
  }

  /** Runs not finished, oldest first: what to resume after the server was stopped or killed. */
  public List<Run> unfinished() {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id FROM recon_run WHERE state = 'STARTED' ORDER BY id")) {
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          ids.add(row.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not list unfinished runs.", e);
    }
    return ids.stream().map(this::run).toList();
  }

  /**
   * Closes the run (COMPLETED or FAILED) with how many groups it went through, if {@code
   * jobExecutionId} still owns it; false when another execution took it over.
   */
  public boolean finish(long runId, String state, int groups, long jobExecutionId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE recon_run SET state = ?, ended_at = ?, groups_total = ? WHERE id = ?"
                    + " AND job_execution_id = ? AND state = 'STARTED'")) {
      update.setString(1, state);
      update.setTimestamp(2, Timestamp.from(clock.instant()));
      update.setInt(3, groups);
      update.setLong(4, runId);
      update.setLong(5, jobExecutionId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not finish run " + runId + ".", e);
    }
  }

  /** Every item of the run in order. */
  public List<ItemRow> items(long runId) {
    List<ItemRow> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT * FROM recon_item WHERE run_id = ? ORDER BY group_no, item_no")) {
      query.setLong(1, runId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new ItemRow(
                  row.getInt("group_no"),
                  row.getInt("item_no"),
                  DifferenceKind.valueOf(row.getString("kind")),
                  row.getString("match_key"),
                  nullableLong(row, "journal_id"),
                  nullableLong(row, "file_id"),
                  nullableInt(row, "line_no"),
                  row.getLong("amount")));
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not read items of run " + runId + ".", e);
    }
    return rows;
  }

  /** Count and amount per kind, every kind present (zero when none). */
  public Map<DifferenceKind, KindTotal> totals(long runId) {
    Map<DifferenceKind, KindTotal> totals = new EnumMap<>(DifferenceKind.class);
    for (DifferenceKind kind : DifferenceKind.values()) {
      totals.put(kind, KindTotal.NONE);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT kind, COUNT(*), SUM(amount) FROM recon_item WHERE run_id = ? GROUP BY kind")) {
      query.setLong(1, runId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          totals.put(
              DifferenceKind.valueOf(row.getString(1)),
              new KindTotal(row.getLong(2), Rials.of(row.getLong(3))));
        }
      }
    } catch (SQLException e) {
      throw new SettlementStoreException("Could not total run " + runId + ".", e);
    }
    return totals;
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
