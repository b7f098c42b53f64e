// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs one unit of JDBC work, in one transaction or as one auto-committed statement, and runs it
 * again when the database refused it because of its own locking. Only refusals after which the
 * database has undone the whole unit are retried ({@link #isRetryable}); a lost connection, a
 * commit of unknown outcome or a broken rule is thrown at once, because running the work again
 * could apply it twice.
 *
 * <p>Attempts are spread by a growing, random pause ("full jitter": 0 to 2, 4, 8 … ms, capped at
 * {@value #MAX_PAUSE_MILLIS} ms), so callers that collided do not collide again in step, which is
 * how a fixed five-attempt loop without pause failed as a group under load.
 *
 * <p>Public for the other stores on the phone bank's database (escalation's queues), so every store
 * retries by the same rules.
 */
public final class Transactions {

  /** Attempts before the refusal is passed on; with the pauses below about two seconds in all. */
  static final int ATTEMPTS = 12;

  private static final long MAX_PAUSE_MILLIS = 250;

  /**
   * SQLStates after which the database has rolled the work back and nothing of it was kept.
   * Deadlock (40001 on both; PostgreSQL also 40P01 and 40001 for serialization failures), Derby
   * lock time-out (40XL1, 40XL2), and Derby's "too much contention on sequence" (X0Y84), which
   * Derby raises when the catalog row of a sequence or identity column is locked by another
   * transaction while it preallocates the next range (Derby's SequenceUpdater). Not 40003
   * (statement completion unknown): its work may have been done.
   */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "40XL1", "40XL2", "X0Y84");

  /** One unit of work on a connection the caller must not close. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Sets the parameters of one statement. */
  @FunctionalInterface
  public interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs one auto-committed INSERT, UPDATE or DELETE, retried when refused.
   *
   * @return the number of rows it changed
   */
  static int update(DataSource dataSource, String sql, Parameters parameters) throws SQLException {
    return autoCommitted(
        dataSource,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
          }
        });
  }

  /** Runs {@code work} in one transaction, committed at the end, retried whole when refused. */
  public static <T> T inOne(DataSource dataSource, Work<T> work) throws SQLException {
    return retrying(
        dataSource,
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            Sql.rollback(connection, e);
            throw e;
          }
        });
  }

  /**
   * Runs {@code work} on a connection in its default auto-commit mode, retried when refused. For
   * single statements, each of which commits or is undone on its own, and for reads that need no
   * common snapshot (escalation's looks on PostgreSQL).
   */
  public static <T> T autoCommitted(DataSource dataSource, Work<T> work) throws SQLException {
    return retrying(dataSource, work);
  }

  private static <T> T retrying(DataSource dataSource, Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        return work.run(connection);
      } catch (SQLException e) {
        if (!isRetryable(e) || attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether the database undid the whole unit of work because of lock contention. */
  public static boolean isRetryable(SQLException e) {
    for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
      if (cause.getSQLState() != null && RETRYABLE.contains(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Sleeps a random part of the growing ceiling before attempt {@code attempt + 1}. */
  static void pause(int attempt) {
    long ceiling = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 20));
    long micros = ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toMicros(ceiling) + 1);
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
  }
}
