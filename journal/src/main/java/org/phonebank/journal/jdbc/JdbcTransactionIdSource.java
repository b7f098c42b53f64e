// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;

/**
 * STANs from the {@code stan_counter} row of this terminal and business day, so they stay unique
 * across restarts and across nodes that share the terminal and the database. The day is the clock's
 * local date: give it the bank's zone (Asia/Tehran), not UTC. After 999999 the STAN wraps to 1, as
 * field 11 allows.
 *
 * <p>The RRN (field 37) is built from the same instant: last digit of the year, day of year (3
 * digits), hour (2 digits) and the STAN (6 digits), e.g. {@code 608010000001} for STAN 1 at 10:xx
 * on 21 March 2026. It is unique per terminal for ten years because the STAN is unique per day.
 */
public final class JdbcTransactionIdSource implements TransactionIdSource {

  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;
  private final String terminalId;
  private final Clock clock;

  public JdbcTransactionIdSource(DataSource dataSource, String terminalId, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.terminalId = TerminalIds.checked(terminalId);
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  @Override
  public TransactionIds next() {
    // Field 7 carries whole seconds, so the journal keeps exactly what goes on the wire.
    ZonedDateTime now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    Stan stan = new Stan(nextStan(now.toLocalDate()));
    return new TransactionIds(stan, rrn(now, stan), now.toInstant());
  }

  static Rrn rrn(ZonedDateTime at, Stan stan) {
    return new Rrn(
        String.format(
            "%d%03d%02d%s", at.getYear() % 10, at.getDayOfYear(), at.getHour(), stan.digits()));
  }

  private int nextStan(LocalDate day) {
    for (int attempt = 1; ; attempt++) {
      try {
        return incrementInOneTransaction(day);
      } catch (SQLException e) {
        // Two nodes taking the day's first STAN together both insert; the loser retries and
        // increments.
        if (!Sql.isUniqueViolation(e) || attempt == ATTEMPTS) {
          throw new JournalStoreException(
              "Could not take the next STAN of terminal " + terminalId + ".", e);
        }
      }
    }
  }

  private int incrementInOneTransaction(LocalDate day) throws SQLException {
    // The UPDATE locks the row, so concurrent callers queue here and each reads back its own value;
    // one refused by lock contention is rolled back whole and tried again.
    return Transactions.inOne(
        dataSource,
        connection ->
            increment(connection, day) ? read(connection, day) : startDay(connection, day));
  }

  private boolean increment(Connection connection, LocalDate day) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE stan_counter SET last_stan = CASE WHEN last_stan >= "
                + Stan.MAX
                + " THEN 1"
                + " ELSE last_stan + 1 END WHERE terminal_id = ? AND business_day = ?")) {
      update.setString(1, terminalId);
      update.setDate(2, Date.valueOf(day));
      return update.executeUpdate() == 1;
    }
  }

  private int read(Connection connection, LocalDate day) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT last_stan FROM stan_counter WHERE terminal_id = ? AND business_day = ?")) {
      query.setString(1, terminalId);
      query.setDate(2, Date.valueOf(day));
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("The STAN counter row vanished inside its own transaction.");
        }
        return row.getInt(1);
      }
    }
  }

  private int startDay(Connection connection, LocalDate day) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO stan_counter (terminal_id, business_day, last_stan) VALUES (?, ?, 1)")) {
      insert.setString(1, terminalId);
      insert.setDate(2, Date.valueOf(day));
      insert.executeUpdate();
      return 1;
    }
  }
}
