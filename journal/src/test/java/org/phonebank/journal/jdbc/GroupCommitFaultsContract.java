// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/**
 * How journal writes committed together must fail, on every supported database: a write that fails
 * for itself fails only its caller and leaves nothing; a group the database refused is run again
 * whole and each write kept once; a failed commit is every member's failure and keeps nothing; each
 * caller gets its own result. A group is formed by holding the first write open until the others
 * wait behind it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GroupCommitFaultsContract {

  private TestDatabase database;
  private ExecutorService callers;

  abstract TestDatabase newDatabase();

  // One database for the class (a migration takes seconds), the probe table emptied per test.
  @BeforeAll
  void migrateAFreshDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    database.execute(
        "CREATE TABLE gc_probe (id INTEGER NOT NULL PRIMARY KEY, member VARCHAR(16) NOT NULL)");
  }

  @BeforeEach
  void emptyTheProbe() {
    database.execute("DELETE FROM gc_probe");
    callers = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stopTheCallers() {
    callers.shutdownNow();
  }

  @AfterAll
  void dropTheDatabase() {
    database.close();
  }

  @Test
  void aWriteThatFailsForItselfFailsOnlyItsCallerAndLeavesNothingOfItself() throws Exception {
    List<Object> outcomes =
        inOneGroup(
            oneLeader(database.dataSource()),
            insert(2, "b"),
            // Its first row goes in, its second clashes with the leader's: neither may stay.
            connection -> {
              insert(10, "c").run(connection);
              return insert(1, "c").run(connection);
            },
            insert(3, "d"));

    assertEquals("b", outcomes.get(0));
    assertTrue(Sql.isUniqueViolation((SQLException) outcomes.get(1)), outcomes.get(1).toString());
    assertEquals("d", outcomes.get(2));
    assertEquals(Set.of(1, 2, 3), probeRows());
  }

  @Test
  void aWriteThatThrowsFailsOnlyItsCaller() throws Exception {
    List<Object> outcomes =
        inOneGroup(
            oneLeader(database.dataSource()),
            insert(2, "b"),
            connection -> {
              insert(10, "c").run(connection);
              throw new IllegalStateException("c's own rule");
            });

    assertEquals("b", outcomes.get(0));
    assertInstanceOf(IllegalStateException.class, outcomes.get(1));
    assertEquals(Set.of(1, 2), probeRows());
  }

  @Test
  void aGroupTheDatabaseRefusedIsRunAgainWholeAndEachWriteKeptOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    List<Object> outcomes =
        inOneGroup(
            oneLeader(database.dataSource()),
            insert(2, "b"),
            connection -> {
              insert(3, "c").run(connection);
              if (runs.incrementAndGet() == 1) {
                // As Derby reports a lock time-out: the whole transaction is undone.
                throw new SQLException("Lock time-out (injected)", "40XL1");
              }
              return "c";
            },
            insert(4, "d"));

    assertEquals(List.of("b", "c", "d"), outcomes);
    assertEquals(2, runs.get());
    assertEquals(Set.of(1, 2, 3, 4), probeRows());
  }

  @Test
  void aLoneStatementCommitsByItselfAndOneThatFailsKeepsNothingAndFailsItsCaller()
      throws Exception {
    GroupCommit writes = oneLeader(database.dataSource());

    assertEquals("a", writes.runStatement(insert(1, "a")));
    SQLException clash =
        assertThrows(SQLException.class, () -> writes.runStatement(insert(1, "b")));

    assertTrue(Sql.isUniqueViolation(clash), clash.toString());
    assertEquals(Set.of(1), probeRows());
    // Committed by itself: another connection sees it, and the next write is not held back.
    assertEquals("c", writes.run(insert(2, "c")));
    assertEquals(Set.of(1, 2), probeRows());
  }

  @Test
  void aLoneStatementTheDatabaseRefusedIsRunAgainAndKeptOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Object outcome =
        oneLeader(database.dataSource())
            .runStatement(
                connection -> {
                  if (runs.incrementAndGet() == 1) {
                    throw new SQLException("Lock time-out (injected)", "40XL1");
                  }
                  return insert(5, "e").run(connection);
                });

    assertEquals("e", outcome);
    assertEquals(2, runs.get());
    assertEquals(Set.of(5), probeRows());
  }

  @Test
  void aFailedCommitIsEveryMembersFailureAndKeepsNothingOfTheGroup() throws Exception {
    // The leader's group commits; the second commit, the group's, is lost.
    DataSource losingTheSecondCommit = failingCommit(database.dataSource(), 2);
    List<Object> outcomes =
        inOneGroup(oneLeader(losingTheSecondCommit), insert(2, "b"), insert(3, "c"));

    for (Object outcome : outcomes) {
      assertEquals("08006", ((SQLException) outcome).getSQLState());
    }
    assertEquals(Set.of(1), probeRows());
  }

  @Test
  void journalCallersAtOnceAllJournalWithDistinctIdsAndEachEntryFinal() throws Exception {
    JdbcJournal journal =
        new JdbcJournal(
            database.dataSource(),
            "IVR00001",
            TestKeys.FINGERPRINT,
            new TestClock(Instant.parse("2026-03-21T06:45:30Z")));
    CardNumber card = new CardNumber("6037991234567893");
    AtomicInteger stans = new AtomicInteger();
    List<Future<JournalEntry>> entries = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      entries.add(
          callers.submit(
              () -> {
                int stan = stans.incrementAndGet();
                TransactionIds ids =
                    new TransactionIds(
                        new Stan(stan),
                        new Rrn(String.format("6%011d", stan)),
                        Instant.parse("2026-03-21T06:45:30Z"));
                JournalEntry open =
                    journal.open(
                        "call-" + stan, TransactionType.BALANCE_INQUIRY, ids, card, Rials.of(0));
                return journal.close(open.id(), new SwitchOutcome.Approved("000001", Rials.of(1)));
              }));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<JournalEntry> entry : entries) {
      JournalEntry closed = entry.get(60, TimeUnit.SECONDS);
      assertEquals(EntryState.APPROVED, closed.state());
      ids.add(closed.id());
    }
    assertEquals(160, ids.size());
    assertEquals(
        160, database.count("SELECT COUNT(*) FROM switch_journal WHERE state = 'APPROVED'"));
  }

  /**
   * Runs {@code insert(1, "a")} as the leader, holding its transaction open until every write of
   * {@code members} waits behind it, so that they are committed as one group; returns each member's
   * result or what it threw, in order.
   */
  @SafeVarargs
  private List<Object> inOneGroup(GroupCommit writes, Transactions.Work<Object>... members)
      throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    Future<Object> leader =
        callers.submit(
            () ->
                writes.run(
                    connection -> {
                      leading.countDown();
                      awaitWaiting(writes, members.length);
                      return insert(1, "a").run(connection);
                    }));
    // The leader's group is taken and running: members submitted now queue behind it.
    assertTrue(leading.await(10, TimeUnit.SECONDS));
    List<Future<Object>> followers = new ArrayList<>();
    for (Transactions.Work<Object> member : members) {
      followers.add(callers.submit(() -> writes.run(member)));
    }
    assertEquals("a", leader.get(30, TimeUnit.SECONDS));
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> follower : followers) {
      try {
        outcomes.add(follower.get(30, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        outcomes.add(e.getCause());
      }
    }
    return outcomes;
  }

  /** One group at a time, so the members submitted behind the leader form the next group. */
  private static GroupCommit oneLeader(DataSource dataSource) {
    return new GroupCommit(dataSource, 1);
  }

  private static void awaitWaiting(GroupCommit writes, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writes.waiting() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The group did not form.");
      }
      Thread.onSpinWait();
    }
  }

  private static Transactions.Work<Object> insert(int id, String member) {
    return connection -> {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO gc_probe (id, member) VALUES (?, ?)")) {
        insert.setInt(1, id);
        insert.setString(2, member);
        insert.executeUpdate();
      }
      return member;
    };
  }

  private Set<Integer> probeRows() {
    Set<Integer> rows = new HashSet<>();
    long count = database.count("SELECT COUNT(*) FROM gc_probe");
    for (int id = 0; id <= 20; id++) {
      if (database.count("SELECT COUNT(*) FROM gc_probe WHERE id = " + id) == 1) {
        rows.add(id);
      }
    }
    assertEquals(count, rows.size(), "rows outside 0..20");
    return rows;
  }

  /**
   * Connections whose {@code nth} commit (counted over the data source) is rolled back instead and
   * reported as a lost connection, as when the database goes away during the commit.
   */
  private static DataSource failingCommit(DataSource real, int nth) {
    AtomicInteger commits = new AtomicInteger();
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection connection = (Connection) result;
              return Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit") && commits.incrementAndGet() == nth) {
                      connection.rollback();
                      throw new SQLException("Connection lost during commit (injected)", "08006");
                    }
                    return invoke(connection, m, a);
                  });
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
