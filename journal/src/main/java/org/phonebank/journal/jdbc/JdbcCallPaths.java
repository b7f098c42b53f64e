// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.callpath.CallPaths;

/**
 * Call paths in {@code call_path}, one row per call, and {@code call_path_step}, one row per step
 * in the order visited, written together in one transaction. A call is recorded once, when it ends:
 * recording the same call id again keeps the first path, so a retried write after a lost commit
 * answer does no harm. Times are kept to the millisecond.
 */
public final class JdbcCallPaths implements CallPaths {

  static final int MAX_CALL_ID = 64;
  static final int MAX_LANGUAGE = 16;
  static final int MAX_LEAVE_REASON = 200;
  static final int MAX_STEP = 100;

  private static final String COLUMNS =
      "call_id, language, ending, leave_reason, started_at, ended_at, masked_caller";

  private final DataSource dataSource;

  public JdbcCallPaths(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  @Override
  public void record(CallPath path) {
    Objects.requireNonNull(path, "Call path is required.");
    checkFits(path);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO call_path (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, path.callId());
          insert.setString(2, path.language());
          insert.setString(3, path.ending().name());
          insert.setString(4, path.leaveReason());
          Sql.setInstant(insert, 5, path.startedAt());
          Sql.setInstant(insert, 6, path.endedAt());
          insert.setString(7, path.maskedCaller());
          insert.executeUpdate();
        }
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO call_path_step (call_id, step_no, step) VALUES (?, ?, ?)")) {
          for (int i = 0; i < path.steps().size(); i++) {
            insert.setString(1, path.callId());
            insert.setInt(2, i + 1);
            insert.setString(3, path.steps().get(i));
            insert.addBatch();
          }
          if (!path.steps().isEmpty()) {
            insert.executeBatch();
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        Sql.rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw new JournalStoreException(
            "Could not record the path of call " + path.callId() + ".", e);
      }
    }
  }

  @Override
  public Optional<CallPath> forCall(String callId) {
    Objects.requireNonNull(callId, "Call id is required.");
    try (Connection connection = dataSource.getConnection()) {
      List<CallPath> paths = read(connection, "p.call_id = ?", callId);
      return paths.stream().findFirst();
    } catch (SQLException e) {
      throw new JournalStoreException("Could not read the path of call " + callId + ".", e);
    }
  }

  @Override
  public List<CallPath> endedBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "Start of the period is required.");
    Objects.requireNonNull(to, "End of the period is required.");
    try (Connection connection = dataSource.getConnection()) {
      return read(connection, "p.ended_at >= ? AND p.ended_at < ?", from, to);
    } catch (SQLException e) {
      throw new JournalStoreException(
          "Could not read the call paths from " + from + " to " + to + ".", e);
    }
  }

  /**
   * Paths matching {@code where} (on {@code call_path p}), oldest ending first, each with its
   * steps.
   */
  private static List<CallPath> read(Connection connection, String where, Object... values)
      throws SQLException {
    Map<String, CallPath> paths = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM call_path p WHERE "
                + where
                + " ORDER BY ended_at, call_id")) {
      bind(query, values);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String callId = rows.getString("call_id");
          paths.put(
              callId,
              new CallPath(
                  callId,
                  rows.getString("language"),
                  List.of(),
                  CallEnding.valueOf(rows.getString("ending")),
                  rows.getString("leave_reason"),
                  Sql.getInstant(rows, "started_at"),
                  Sql.getInstant(rows, "ended_at"),
                  rows.getString("masked_caller")));
        }
      }
    }
    // Paths first, steps second: a path is written with its steps in one transaction, so every path
    // read
    // above has all its steps now, and steps of a path committed in between are simply not asked
    // for.
    Map<String, List<String>> steps = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT s.call_id, s.step FROM call_path_step s JOIN call_path p ON p.call_id = s.call_id WHERE "
                + where
                + " ORDER BY s.call_id, s.step_no")) {
      bind(query, values);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          steps.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    List<CallPath> complete = new ArrayList<>();
    for (CallPath path : paths.values()) {
      complete.add(
          new CallPath(
              path.callId(),
              path.language(),
              steps.getOrDefault(path.callId(), List.of()),
              path.ending(),
              path.leaveReason(),
              path.startedAt(),
              path.endedAt(),
              path.maskedCaller()));
    }
    return complete;
  }

  private static void bind(PreparedStatement query, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Instant instant) {
        Sql.setInstant(query, i + 1, instant);
      } else {
        query.setString(i + 1, (String) values[i]);
      }
    }
  }

  private static void checkFits(CallPath path) {
    checkLength("call id", path.callId(), MAX_CALL_ID);
    checkLength("language", path.language(), MAX_LANGUAGE);
    checkLength("leave reason", path.leaveReason(), MAX_LEAVE_REASON);
    for (String step : path.steps()) {
      Objects.requireNonNull(step, "A call path step cannot be null.");
      checkLength("step", step, MAX_STEP);
    }
  }

  private static void checkLength(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          "A call path " + what + " is at most " + max + " characters.");
    }
  }
}
