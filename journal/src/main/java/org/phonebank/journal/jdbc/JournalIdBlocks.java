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

  // The block in hand, guarded by this.
  private long next;
  private long last = -1;

  JournalIdBlocks(DataSource dataSource, int block) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    if (block < 1 || block > 100_000) {
      throw new IllegalArgumentException("A journal id block holds 1 to 100000 ids.");
    }
    this.block = block;
  }

  /** The next unused id; takes a new block from the database when the one in hand is spent. */
  synchronized long next() throws SQLException {
    if (next > last) {
      last = reserveBlock();
      next = last - block + 1;
    }
    return next++;
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
