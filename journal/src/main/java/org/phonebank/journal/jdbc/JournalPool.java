// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The journal's connection pool (HikariCP) over a driver's own data source, embedded Derby or
 * PostgreSQL alike. Without it every journal write opened, prepared and closed a connection of its
 * own: about a third of the journal's Java time under load, and against PostgreSQL one server
 * process per concurrent call, past its default limit of 100 connections. A container-managed pool
 * found by JNDI is used as it is and never wrapped.
 *
 * <p>The pool is fixed in size ({@code phonebank.journal.pool-size}); a caller waits up to {@link
 * #WAIT_MILLIS} ms for a free connection and then gets an SQLException (SQLState 08001), which the
 * journal reports as a failed write. HikariCP puts back auto-commit and isolation that a unit of
 * work changed when the connection is returned.
 */
public final class JournalPool {

  /** How long a caller waits for a free connection before the write fails. */
  public static final long WAIT_MILLIS = 10_000;

  private JournalPool() {}

  /**
   * @param driverDataSource the driver's unpooled data source ({@code EmbeddedDataSource}, {@code
   *     PGSimpleDataSource})
   * @param size the fixed number of connections, at least 1
   * @param name shown in HikariCP's log lines and thread names
   * @return the pool; {@link HikariDataSource#close} closes its connections (an embedded Derby
   *     database must still be shut down after that)
   */
  public static HikariDataSource over(DataSource driverDataSource, int size, String name) {
    Objects.requireNonNull(driverDataSource, "Data source is required.");
    Objects.requireNonNull(name, "Pool name is required.");
    if (size < 1) {
      throw new IllegalArgumentException("A connection pool holds at least one connection.");
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(driverDataSource);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(WAIT_MILLIS);
    // Started lazily would move the first connections' cost into the first calls.
    config.setInitializationFailTimeout(WAIT_MILLIS);
    return new HikariDataSource(config);
  }
}
