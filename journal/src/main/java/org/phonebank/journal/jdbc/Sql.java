// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The few JDBC habits Derby and PostgreSQL must share: UTC timestamps, the unique-key SQLState and
 * sequences.
 */
final class Sql {

  /** SQL standard "unique constraint violated"; Derby and PostgreSQL both report it. */
  private static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  // TIMESTAMP columns hold UTC wall time (UtcTimestamps).
  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    UtcTimestamps.set(statement, index, instant);
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    return row.getTimestamp(column, UtcTimestamps.calendar()).toInstant();
  }

  static Instant getNullableInstant(ResultSet row, String column) throws SQLException {
    return UtcTimestamps.nullable(row, column);
  }

  /**
   * Draws the next value of {@code sequence}. Derby and PostgreSQL agree on CREATE SEQUENCE but not
   * on how to read one, so this is the one place that asks which database it is.
   */
  static long nextValue(Connection connection, String sequence) throws SQLException {
    String vendor =
        SchemaMigrations.vendorFolder(connection.getMetaData().getDatabaseProductName());
    String sql =
        vendor.equals("derby")
            ? "VALUES NEXT VALUE FOR " + sequence
            : "SELECT nextval('" + sequence + "')";
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("Sequence " + sequence + " returned no value.");
      }
      return row.getLong(1);
    }
  }

  static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
