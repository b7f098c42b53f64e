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
 * never repeats. The next block is taken ahead once a quarter of the block in hand is used, so
 * callers do not queue behind that commit (a restart then skips up to one more block).
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

  // The block in hand, the next block if one is reserved ahead (else null) and whether a caller is
  // taking one now; guarded by this.
  private LocalDate blockDay;
  private int nextStan;
  private long nextSerial;
  private int left;
  private Block spare;
  private boolean taking;

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

  /**
   * The next STAN and RRN. The next block is taken ahead, outside the lock, by the caller that
   * takes the block in hand past its first quarter, so that the others go on meanwhile instead of
   * all waiting for that commit; only a caller that finds both spent (or a new day) waits, or
   * takes. (Taken at half the block, PostgreSQL under load at times took longer to commit the next
   * block than the callers took to spend the other half, and they waited: JFR showed {@code
   * waitForBlock}.)
   */
  @Override
  public TransactionIds next() {
    while (true) {
      TransactionIds ids = null;
      boolean ahead = false;
      LocalDate day;
      synchronized (this) {
        // Field 7 carries whole seconds, so the journal keeps exactly what goes on the wire.
        ZonedDateTime now = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        day = now.toLocalDate();
        if ((left == 0 || !day.equals(blockDay)) && spare != null && spare.day().equals(day)) {
          use(spare);
          spare = null;
        }
        if (left > 0 && day.equals(blockDay)) {
          ids = take(now);
          ahead = !taking && spare == null && JournalIdBlocks.takesAhead(left, block);
        } else if (taking) {
          waitForBlock();
          continue;
        }
        taking |= ahead || ids == null;
      }
      if (ids == null) {
        // Nothing in hand for today and no one taking: this caller takes, then hands out from it.
        takeSpare(day);
      } else {
        if (ahead) {
          takeAhead(day);
        }
        return ids;
      }
    }
  }

  private TransactionIds take(ZonedDateTime now) {
    Stan stan = new Stan(nextStan);
    Rrn rrn = rrn(now.getYear(), nextSerial);
    nextStan = nextStan >= Stan.MAX ? 1 : nextStan + 1;
    nextSerial++;
    left--;
    return new TransactionIds(stan, rrn, now.toInstant());
  }

  /** The year's last digit and the serial in 11 digits, without a Formatter on every request. */
  static Rrn rrn(int year, long serial) {
    String digits = Long.toString(serial);
    StringBuilder rrn = new StringBuilder(12).append(year % 10);
    for (int pad = digits.length(); pad < 11; pad++) {
      rrn.append('0');
    }
    return new Rrn(rrn.append(digits).toString());
  }

  /** A block taken from the counters: its day, first STAN and first RRN serial. */
  private record Block(LocalDate day, int firstStan, long firstSerial) {}

  private void use(Block taken) {
    nextStan = taken.firstStan();
    nextSerial = taken.firstSerial();
    blockDay = taken.day();
    left = block;
  }

  /**
   * Takes ahead for the block in hand; a failure is not this caller's (it has its ids): the caller
   * that finds the block spent takes again and reports it.
   */
  private void takeAhead(LocalDate day) {
    try {
      takeSpare(day);
    } catch (JournalStoreException e) {
      // Taken again, and reported, when the block in hand is spent.
    }
  }

  /** Takes a block of {@code day} and keeps it as the spare; ends {@link #taking} either way. */
  private void takeSpare(LocalDate day) {
    Block taken = null;
    try {
      taken = takeBlock(day);
    } finally {
      synchronized (this) {
        if (taken != null) {
          spare = taken;
        }
        taking = false;
        notifyAll();
      }
    }
  }

  private void waitForBlock() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalStoreException(
          "Interrupted while waiting for the STANs and RRNs of terminal " + terminalId + ".", e);
    }
  }

  private Block takeBlock(LocalDate day) {
    for (int attempt = 1; ; attempt++) {
      try {
        long[] last = Transactions.inOne(dataSource, connection -> bothCounters(connection, day));
        // last[0] is the block's last STAN, possibly wrapped past 999999.
        return new Block(day, Math.floorMod(last[0] - block, Stan.MAX) + 1, last[1] - block + 1);
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
