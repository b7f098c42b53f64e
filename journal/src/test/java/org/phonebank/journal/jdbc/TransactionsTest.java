// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  private final DerbyTestDatabase database = DerbyTestDatabase.empty();

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  @Test
  void workRefusedByLockContentionIsRunAgainUntilItGoesThrough() throws SQLException {
    AtomicInteger runs = new AtomicInteger();
    String result =
        Transactions.inOne(
            database.dataSource(),
            connection -> {
              switch (runs.incrementAndGet()) {
                case 1 -> throw new SQLTransactionRollbackException("lock time-out", "40XL1");
                case 2 -> throw new SQLException("Too much contention on sequence", "X0Y84");
                case 3 -> throw new SQLException("deadlock detected", "40P01");
                default -> {
                  return "done";
                }
              }
            });

    assertEquals("done", result);
    assertEquals(4, runs.get());
  }

  @Test
  void workWhoseOutcomeIsUnknownIsNeverRunTwice() {
    AtomicInteger runs = new AtomicInteger();
    SQLException unknown = new SQLException("statement completion unknown", "40003");

    SQLException thrown =
        assertThrows(
            SQLException.class,
            () ->
                Transactions.inOne(
                    database.dataSource(),
                    connection -> {
                      runs.incrementAndGet();
                      throw unknown;
                    }));

    assertSame(unknown, thrown);
    assertEquals(1, runs.get());
  }

  @Test
  void lockContentionThatNeverEndsIsPassedOnAfterTheLastAttempt() {
    AtomicInteger runs = new AtomicInteger();

    assertThrows(
        SQLTransactionRollbackException.class,
        () ->
            Transactions.autoCommitted(
                database.dataSource(),
                connection -> {
                  runs.incrementAndGet();
                  throw new SQLTransactionRollbackException("lock time-out", "40XL1");
                }));

    assertEquals(Transactions.ATTEMPTS, runs.get());
  }

  @Test
  void aBrokenRuleOrALostConnectionIsNotRetryable() {
    assertFalse(Transactions.isRetryable(new SQLException("duplicate", "23505")));
    assertFalse(Transactions.isRetryable(new SQLException("connection lost", "08006")));
    SQLException chained = new SQLException("statement failed", "XJ001");
    chained.setNextException(new SQLException("lock time-out", "40XL1"));
    assertTrue(Transactions.isRetryable(chained));
  }
}
