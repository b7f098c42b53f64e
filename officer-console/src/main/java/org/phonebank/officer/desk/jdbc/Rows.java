// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * Timestamps in UTC, as the escalation store writes them ({@code
 * org.phonebank.escalation.jdbc.Transactions}), and connection handling.
 */
final class Rows {

  private Rows() {}

  /** A database step whose failure is the console's to report as unavailable. */
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  static <T> T run(DataSource dataSource, String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.on(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setTimestamp(index, Timestamp.from(instant), utc());
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column, utc());
    return at == null ? null : at.toInstant();
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }
}
