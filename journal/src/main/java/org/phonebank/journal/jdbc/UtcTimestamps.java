// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * How every store on the phone bank's database writes and reads a TIMESTAMP: as UTC wall time, a
 * UTC calendar passed to the driver so the JVM's zone (and its DST gaps) stay out. Public for the
 * stores of modules built on the journal (escalation's queues); the officer console's and
 * reconciliation's stores have the journal on their test path only and keep a copy of the rule.
 */
public final class UtcTimestamps {

  /**
   * Looked up once: {@code TimeZone.getTimeZone(String)} is a static synchronized method, and every
   * journal write sets one to three timestamps, so under load the callers queued on that one class
   * lock (JFR: {@code jdk.JavaMonitorEnter} on {@code java.lang.Class} under the journal's writes).
   * A zone is never changed once made; each call still gets a calendar of its own, since a driver
   * may set fields on the one it is given.
   */
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private UtcTimestamps() {}

  /** A new UTC calendar for one {@code setTimestamp} or {@code getTimestamp}. */
  public static Calendar calendar() {
    return Calendar.getInstance(UTC);
  }

  /** Sets parameter {@code index} to {@code instant}. */
  public static void set(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setTimestamp(index, Timestamp.from(instant), calendar());
  }

  /** The instant in {@code column}, or null when it is NULL. */
  public static Instant nullable(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column, calendar());
    return value == null ? null : value.toInstant();
  }
}
