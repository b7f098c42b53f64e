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
 * STANs (field 11) and RRNs (field 37) that stay unique across restarts and across nodes sharing
 * the terminal and the database.
 *
 * <p>The STAN comes from the {@code stan_counter} row of this terminal and business day (the
 * clock's local date: give it the bank's zone, Asia/Tehran, not UTC), starts at 1 each day and
 * wraps from 999999 to 1, as field 11 allows; a busy day wraps it, so a STAN alone never names a
 * request.
 *
 * <p>The RRN is the last digit of the year and an 11-digit serial from the {@code rrn_counter} row
 * of this terminal and year, e.g. {@code 600000000001} for the first request of 2026: unique per
 * terminal for ten years at up to 99,999,999,999 requests a year, which is what makes it the key a
 * late answer is matched on. (It used to be year digit, day, hour and STAN, which repeated within
 * an hour once a wrapped STAN came round again.) When the year's serials run out the source refuses
 * to hand out more rather than repeat one.
 *
 * <p>Both are taken from the database in blocks of {@link #DEFAULT_BLOCK} (one transaction per
 * block, not one per request) and handed out from memory: a restart or a second node leaves gaps,
 * never repeats.
 */
public final class JdbcTransactionIdSource implements TransactionIdSource {

  /** Ids taken from the database at once. */
  public static final int DEFAULT_BLOCK = 64;

  static final long MAX_SERIAL = 99_999_999_999L;

  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;
  private final String terminalId;
  private final Clock clock;
  private final int block;

  // The block in hand, guarded by this.
  private LocalDate blockDay;
  private int nextStan;
  private long nextSerial;
  private int left;

  public JdbcTransactionIdSource(DataSource dataSource, String terminalId, Clock clock) {
    this(dataSource, terminalId, clock, DEFAULT_BLOCK);
  }

  /**
   * @param block ids taken from the database at once, 1 to 1000
   */
  public JdbcTransactionIdSource(DataSource dataSource, String terminalId, Clock clock, int block) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    this.terminalId = TerminalIds.checked(terminalId);
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    if (block < 1 || block > 1000) {
      throw new IllegalArgumentException("An id block holds 1 to 1000 ids.");
    }
    this.block = block;
  }

  @Override
  public synchronized TransactionIds next() {
    // Field 7 carries whole seconds, so the journal keeps exactly what goes on the wire.
    ZonedDateTime now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    LocalDate day = now.toLocalDate();
    if (left == 0 || !day.equals(blockDay)) {
      takeBlock(day);
    }
    Stan stan = new Stan(nextStan);
    Rrn rrn = rrn(day.getYear(), nextSerial);
    nextStan = nextStan >= Stan.MAX ? 1 : nextStan + 1;
    nextSerial++;
    left--;
    return new TransactionIds(stan, rrn, now.toInstant());
  }

  static Rrn rrn(int year, long serial) {
    return new Rrn(String.format("%d%011d", year % 10, serial));
  }

  private void takeBlock(LocalDate day) {
    for (int attempt = 1; ; attempt++) {
      try {
        long[] last = Transactions.inOne(dataSource, connection -> bothCounters(connection, day));
        // last[0] is the block's last STAN, possibly wrapped past 999999.
        nextStan = Math.floorMod(last[0] - block, Stan.MAX) + 1;
        nextSerial = last[1] - block + 1;
        blockDay = day;
        left = block;
        return;
      } catch (SQLException e) {
        // Two nodes taking a day's or a year's first block together both insert; the loser tries
        // again and increments.
        if (!Sql.isUniqueViolation(e) || attempt == ATTEMPTS) {
          throw new JournalStoreException(
              "Could not take the next STANs and RRNs of terminal " + terminalId + ".", e);
        }
      }
    }
  }

  private long[] bothCounters(Connection connection, LocalDate day) throws SQLException {
    long stan =
        counter(
            connection,
            "UPDATE stan_counter SET last_stan = MOD(last_stan + "
                + (block - 1)
                + ", "
                + Stan.MAX
                + ") + 1 WHERE terminal_id = ? AND business_day = ?",
            "SELECT last_stan FROM stan_counter WHERE terminal_id = ? AND business_day = ?",
            "INSERT INTO stan_counter (terminal_id, business_day, last_stan) VALUES (?, ?, ?)",
            statement -> statement.setDate(2, Date.valueOf(day)));
    long serial =
        counter(
            connection,
            "UPDATE rrn_counter SET last_serial = last_serial + "
                + block
                + " WHERE terminal_id = ? AND rrn_year = ?",
            "SELECT last_serial FROM rrn_counter WHERE terminal_id = ? AND rrn_year = ?",
            "INSERT INTO rrn_counter (terminal_id, rrn_year, last_serial) VALUES (?, ?, ?)",
            statement -> statement.setInt(2, day.getYear()));
    if (serial > MAX_SERIAL) {
      throw new SQLException("The RRN serials of " + day.getYear() + " are used up.");
    }
    return new long[] {stan, serial};
  }

  /**
   * Moves one counter row on by a block and reads its new last value; the UPDATE locks the row, so
   * concurrent takers queue here and each reads back its own block. A missing row starts at the
   * block's end.
   */
  private long counter(
      Connection connection,
      String update,
      String query,
      String insert,
      Transactions.Parameters key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      statement.setString(1, terminalId);
      key.set(statement);
      if (statement.executeUpdate() == 0) {
        try (PreparedStatement first = connection.prepareStatement(insert)) {
          first.setString(1, terminalId);
          key.set(first);
          first.setLong(3, block);
          first.executeUpdate();
          return block;
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, terminalId);
      key.set(statement);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("A counter row vanished inside its own transaction.");
        }
        return row.getLong(1);
      }
    }
  }
}
