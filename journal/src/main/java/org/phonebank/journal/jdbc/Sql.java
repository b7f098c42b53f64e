// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** The few JDBC habits Derby and PostgreSQL must share: UTC timestamps and the unique-key SQLState. */
final class Sql {

  /** SQL standard "unique constraint violated"; Derby and PostgreSQL both report it. */
  private static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  // TIMESTAMP columns hold UTC wall time; passing a UTC calendar keeps the JVM's zone (and its DST gaps) out.
  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setTimestamp(index, Timestamp.from(instant), utc());
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    return row.getTimestamp(column, utc()).toInstant();
  }

  static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }
}
