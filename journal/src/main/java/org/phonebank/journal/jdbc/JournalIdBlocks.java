// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Ids of new journal entries, reserved from the {@code journal_id_block} row (V29) a block at a
 * time and handed out from memory. One guarded UPDATE moves the row on by a whole block and locks
 * it until the reservation commits, so two nodes (or two journals of one node) each get blocks of
 * their own: gaps after a restart, never a repeat. It replaced the identity column, whose sequence
 * every insert touched (Derby's 40XL1 and X0Y84 under load) and whose value had to be read back.
 */
final class JournalIdBlocks {

  /** Ids reserved at once: one commit per this many entries. */
  static final int DEFAULT_BLOCK = 100;

  private static final String TABLE = "switch_journal";

  private final DataSource dataSource;
  private final int block;

  // The block in hand, the next block if one is reserved ahead (else -1) and whether a caller is
  // reserving one now; guarded by this.
  private long next;
  private long last = -1;
  private long spareLast = -1;
  private boolean reserving;

  JournalIdBlocks(DataSource dataSource, int block) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    if (block < 1 || block > 100_000) {
      throw new IllegalArgumentException("A journal id block holds 1 to 100000 ids.");
    }
    this.block = block;
  }

  /**
   * Whether a block of {@code block} with {@code left} unused is past its first quarter, when the
   * next one is taken ahead: the rule of both block sources, these ids and the STAN/RRN blocks
   * ({@link JdbcTransactionIdSource}). A block of one is never taken ahead.
   */
  static boolean takesAhead(long left, int block) {
    return left < block - Math.max(1, block / 4);
  }

  /**
   * The next unused id. The next block is reserved ahead, outside the lock, by the caller that
   * takes the block in hand past its first quarter (as the STAN blocks are: at half, a loaded
   * PostgreSQL at times committed the next block later than the callers spent the rest; a block of
   * one is never reserved ahead): the others go on taking ids meanwhile instead of all waiting for
   * that commit, as they did when the caller that found the block spent reserved the next one while
   * holding the lock. Only a caller that finds both spent waits, or reserves.
   */
  long next() throws SQLException {
    while (true) {
      long id = -1;
      boolean ahead = false;
      synchronized (this) {
        if (next > last && spareLast >= 0) {
          last = spareLast;
          next = last - block + 1;
          spareLast = -1;
        }
        if (next <= last) {
          id = next++;
          ahead = !reserving && spareLast < 0 && takesAhead(last - next + 1, block);
        } else if (reserving) {
          waitForReservation();
          continue;
        }
        reserving |= ahead || id < 0;
      }
      if (id >= 0) {
        if (ahead) {
          reserveAhead();
        }
        return id;
      }
      // Nothing in hand and no one reserving: this caller reserves and takes the block's first.
      reserve();
    }
  }

  /**
   * Reserves ahead for the block in hand; a failure is not this caller's (it has its id): the
   * caller that finds the block spent reserves again and reports it.
   */
  private void reserveAhead() {
    try {
      reserve();
    } catch (SQLException e) {
      // Reserved again, and reported, when the block in hand is spent.
    }
  }

  private void reserve() throws SQLException {
    long reserved = -1;
    try {
      reserved = reserveBlock();
    } finally {
      synchronized (this) {
        if (reserved >= 0) {
          spareLast = reserved;
        }
        reserving = false;
        notifyAll();
      }
    }
  }

  private void waitForReservation() throws SQLException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for journal ids.", e);
    }
  }

  private long reserveBlock() throws SQLException {
    return Transactions.inOne(
        dataSource,
        connection -> {
          try (PreparedStatement reserve =
              connection.prepareStatement(
                  "UPDATE journal_id_block SET last_id = last_id + ? WHERE table_name = ?")) {
            reserve.setLong(1, block);
            reserve.setString(2, TABLE);
            if (reserve.executeUpdate() != 1) {
              throw new SQLException("The journal's id block row is missing (schema V29).");
            }
          }
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT last_id FROM journal_id_block WHERE table_name = ?")) {
            query.setString(1, TABLE);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }
}
