// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.Objects;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * One unit of work per transaction, run again when the database rolled it back for a deadlock or a
 * serialization failure (SQLState class 40, on Derby and PostgreSQL alike), and the UTC timestamps
 * both databases share.
 */
final class Transactions {

  private static final int ATTEMPTS = 5;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  <T> T run(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            connection.rollback();
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        }
      } catch (SQLException e) {
        String state = e.getSQLState();
        if (state == null || !state.startsWith("40") || attempt == ATTEMPTS) {
          throw new EscalationStoreException("Could not " + what + ": " + e.getMessage(), e);
        }
      }
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setTimestamp(index, Timestamp.from(instant), utc());
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column, utc());
    return value == null ? null : value.toInstant();
  }

  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }
}
