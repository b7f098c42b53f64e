// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.phonebank.journal.jdbc.UtcTimestamps;

/**
 * One unit of work per transaction, run again by the journal's rules when the database undid it for
 * its own locking ({@link org.phonebank.journal.jdbc.Transactions}: deadlocks, lock time-outs,
 * serialization failures, never a commit of unknown outcome), and the UTC timestamps both databases
 * share.
 */
final class Transactions {

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  /**
   * Whether the database is PostgreSQL (null until the first connection tells). Every isolation
   * level there reads committed rows, so a transaction needs no level set: PostgreSQL runs READ
   * UNCOMMITTED as READ COMMITTED, and at its stronger levels a guarded update on a row another
   * transaction changed is refused with a serialization failure, which the retry covers; its
   * default is READ COMMITTED. There the pgJDBC driver sends every {@link
   * Connection#setTransactionIsolation} to the server, and a pool that resets the level on return
   * sends another: two round trips of a transaction that holds three or four statements, a third of
   * a look's round trips (issue 11, item 10).
   */
  private volatile Boolean postgres;

  Transactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
  }

  /**
   * Runs {@code work} in one read-committed transaction (on PostgreSQL at the connection's level,
   * which reads committed rows at the least).
   *
   * @throws EscalationStoreException when it failed, or was still refused after the retries
   */
  <T> T run(String what, Work<T> work) {
    try {
      boolean anyLevel = everyLevelReadsCommitted();
      return org.phonebank.journal.jdbc.Transactions.inOne(
          dataSource,
          connection -> {
            if (!anyLevel) {
              connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return work.run(connection);
          });
    } catch (SQLException e) {
      throw new EscalationStoreException("Could not " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work}, which only reads, without waiting on other transactions' row locks: for the
   * reads that advise a look (who is READY, who is ahead, the position) and never decide. Embedded
   * Derby has no row versions: at read committed a scan of the officers waited for every
   * reservation in flight to flush its commit to disk, and lookers queued behind each other's
   * commits. Reading uncommitted rows there is safe because every change a look makes is a guarded
   * update that decides on the committed row ({@code status = 'READY'}, {@code status =
   * 'WAITING'}): an officer seen READY who is not is skipped by the update, one seen taken who is
   * not waits for the next look. PostgreSQL reads committed row versions either way (it runs READ
   * UNCOMMITTED as READ COMMITTED) and never waited. There each statement of a read-committed
   * transaction reads its own snapshot, so the reads share nothing by sharing a transaction: they
   * run auto-committed, without the BEGIN and the COMMIT round trip.
   */
  <T> T advise(String what, Work<T> work) {
    try {
      if (everyLevelReadsCommitted()) {
        return org.phonebank.journal.jdbc.Transactions.autoCommitted(dataSource, work::run);
      }
      return org.phonebank.journal.jdbc.Transactions.inOne(
          dataSource,
          connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            return work.run(connection);
          });
    } catch (SQLException e) {
      throw new EscalationStoreException("Could not " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} auto-committed, each statement a transaction of its own: for work whose every
   * change is one statement, atomic by itself, so no BEGIN or COMMIT round trip is needed.
   */
  <T> T alone(String what, Work<T> work) {
    try {
      return org.phonebank.journal.jdbc.Transactions.autoCommitted(dataSource, work::run);
    } catch (SQLException e) {
      throw new EscalationStoreException("Could not " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether one statement may change several tables through data-modifying {@code WITH} queries
   * (PostgreSQL; Derby has none).
   */
  boolean changesTablesTogether() {
    try {
      return isPostgres();
    } catch (SQLException e) {
      throw new EscalationStoreException(
          "Could not read the database's name: " + e.getMessage(), e);
    }
  }

  /**
   * Whether queries separated by {@code ;} in one statement string reach the database in one round
   * trip and come back as one result each (pgJDBC; embedded Derby takes one statement at a time).
   */
  boolean sendsStatementsTogether() throws SQLException {
    return isPostgres();
  }

  /** Whether this database is one whose every isolation level reads committed rows (above). */
  private boolean everyLevelReadsCommitted() throws SQLException {
    return isPostgres();
  }

  private boolean isPostgres() throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      }
      postgres = known;
    }
    return known;
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    UtcTimestamps.set(statement, index, instant);
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return UtcTimestamps.nullable(row, column);
  }

  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
