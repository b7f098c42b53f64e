// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Journal writes made at the same moment by different callers, committed together: one JDBC
 * transaction and one durable commit (one log flush) for the whole group instead of one each. Each
 * caller still returns only after its own write is durable, so "journalled before it returns" holds
 * as before; under load N callers share one flush, which is what a commit costs on both Derby and
 * PostgreSQL.
 *
 * <p>No thread of its own: a caller that finds fewer groups being committed than the pool has
 * connections ({@link #leadersFor}) becomes a leader, takes every write waiting (up to {@link
 * #MAX_GROUP}), commits them and wakes each caller with its outcome, all at once; callers arriving
 * while every leader is busy park, and the first of them is woken to lead the next group (the
 * scheme of LevelDB's and RocksDB's write queues). Waking the group's callers one after another
 * through the lock would cost a context switch each on a busy machine.
 *
 * <p>So writes are grouped only when the pool is busy. While a connection is free a write commits
 * on its own connection at once, side by side with the others: both databases already share one log
 * flush among commits that arrive together (Derby's log flush, PostgreSQL's WAL flush), and a group
 * runs its statements one after another on one connection, which made the journal cost about twice
 * the durable floor at 16 callers when at most 4 groups committed at once.
 *
 * <p>Faults, the contract {@code GroupCommitFaultsContract} checks on both databases:
 *
 * <ul>
 *   <li>a write that fails for itself (a broken rule, a row it needs missing, its statement
 *       failing) fails only its own caller: the transaction is rolled back and the others run again
 *       without it, so nothing of the failed write and nothing half of the group is kept;
 *   <li>a group the database refused because of its own locking ({@link Transactions#isRetryable})
 *       is run again whole, with the same back-off as single transactions;
 *   <li>a failed commit of unknown outcome (a lost connection) is reported to every member, as a
 *       single commit's would be; the sweep settles such entries from the database as it finds
 *       them.
 * </ul>
 *
 * <p>So a write must be safe to run more than once in a fresh transaction (each attempt starts from
 * what is committed) and must not keep anything from an earlier attempt: ids it writes are chosen
 * before it is submitted.
 */
final class GroupCommit {

  /** Writes in one transaction at most; more wait for the next. */
  static final int MAX_GROUP = 64;

  /**
   * Groups committed at once over a data source whose pool size is unknown (a container's pool
   * found by JNDI): the journal's default pool size.
   */
  static final int DEFAULT_LEADERS = JournalSettings.DEFAULT_POOL_SIZE;

  private final DataSource dataSource;
  private final Queue<Member<?>> waiting = new ConcurrentLinkedQueue<>();
  private final Semaphore leaders;

  private static final long SAFETY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** As many groups at once as {@code dataSource}'s pool has connections. */
  GroupCommit(DataSource dataSource) {
    this(dataSource, leadersFor(dataSource));
  }

  /** With one leader at a time, as tests form a group of their choosing. */
  GroupCommit(DataSource dataSource, int maxLeaders) {
    this.dataSource = Objects.requireNonNull(dataSource, "Data source is required.");
    if (maxLeaders < 1) {
      throw new IllegalArgumentException("A group commit needs at least one leader.");
    }
    this.leaders = new Semaphore(maxLeaders);
  }

  /**
   * One leader per connection of the journal's own pool ({@link JournalPool}), so that a write
   * waits for a group only when every connection is committing; {@link #DEFAULT_LEADERS} for any
   * other data source.
   */
  static int leadersFor(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return Math.max(1, dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
      }
    } catch (SQLException e) {
      // Not a pool we know: the default below.
    }
    return DEFAULT_LEADERS;
  }

  /**
   * Runs {@code work} in the next group's transaction and returns its result once that transaction
   * committed, or throws what made this write fail.
   */
  <T> T run(Transactions.Work<T> work) throws SQLException {
    return submit(new Member<>(Objects.requireNonNull(work, "Work is required."), false));
  }

  /**
   * As {@link #run}, for work whose one write is a single statement after which nothing of it can
   * fail (reads before it are fine; after it, only reads when it changed nothing). When the write
   * is alone in its group, as whenever a connection is free, it runs in auto-commit: the statement
   * commits, or is undone, by itself, which on PostgreSQL saves the round trip of a separate
   * COMMIT. In a group it is one of the group's writes like any other.
   */
  <T> T runStatement(Transactions.Work<T> work) throws SQLException {
    return submit(new Member<>(Objects.requireNonNull(work, "Work is required."), true));
  }

  private <T> T submit(Member<T> member) throws SQLException {
    waiting.add(member);
    while (!member.settled) {
      boolean led = false;
      if (leaders.tryAcquire()) {
        try {
          // Our write may already be in another leader's group; then we have nothing to lead.
          List<Member<?>> group = nextGroup();
          if (!group.isEmpty()) {
            settle(group);
            led = true;
          }
        } finally {
          leaders.release();
          // Whoever waits now arrived during our commit: the first of them leads the next group.
          Member<?> next = waiting.peek();
          if (next != null) {
            LockSupport.unpark(next.thread);
          }
        }
      }
      if (!led && !member.settled) {
        // Woken when our write is settled or a leader is done; the time limit only guards
        // against a wake-up lost to a bug, it is not how groups are paced.
        LockSupport.parkNanos(this, SAFETY_PARK_NANOS);
      }
    }
    return member.outcome();
  }

  /** Writes submitted and not yet taken into a group: how a test knows a group has formed. */
  int waiting() {
    return waiting.size();
  }

  private List<Member<?>> nextGroup() {
    List<Member<?>> group = new ArrayList<>();
    for (Member<?> member = waiting.poll(); member != null; member = waiting.poll()) {
      group.add(member);
      if (group.size() == MAX_GROUP) {
        break;
      }
    }
    return group;
  }

  /** Settles every member of {@code group}: committed together, or each told why not. */
  private void settle(List<Member<?>> group) {
    List<Member<?>> live = new ArrayList<>(group);
    try {
      commitTogether(live);
    } catch (RuntimeException | Error e) {
      // Never leave a member waiting for an outcome no leader will give it.
      live.forEach(member -> member.fail(e));
      throw e;
    }
  }

  private void commitTogether(List<Member<?>> live) {
    int refusals = 0;
    while (!live.isEmpty()) {
      try (Connection connection = dataSource.getConnection()) {
        if (live.size() == 1 && live.get(0).oneStatement) {
          runAlone(connection, live.get(0));
          return;
        }
        Member<?> failed = runAll(connection, live);
        if (failed == null) {
          live.forEach(Member::commit);
          return;
        }
        // Rolled back: the others run again from the start, without the write that failed.
        live.remove(failed);
      } catch (SQLException e) {
        refusals++;
        if (!Transactions.isRetryable(e) || refusals == Transactions.ATTEMPTS) {
          live.forEach(member -> member.fail(e));
          return;
        }
        Transactions.pause(refusals);
      }
    }
  }

  /**
   * Runs one single-statement write in auto-commit and settles it; throws when the database refused
   * it (nothing of it kept), so that it is run again like a refused group.
   */
  private static void runAlone(Connection connection, Member<?> member) throws SQLException {
    connection.setAutoCommit(true);
    try {
      member.runOn(connection);
    } catch (SQLException e) {
      if (Transactions.isRetryable(e)) {
        throw e;
      }
      member.fail(e);
      return;
    } catch (RuntimeException e) {
      member.fail(e);
      return;
    }
    member.commit();
  }

  /**
   * Runs every write in one transaction and commits it. Returns the member whose own write failed
   * (the transaction then rolled back, the member told), or null once committed; throws when the
   * database refused the transaction as a whole or its commit failed.
   */
  private static Member<?> runAll(Connection connection, List<Member<?>> live) throws SQLException {
    connection.setAutoCommit(false);
    try {
      for (Member<?> member : live) {
        try {
          member.runOn(connection);
        } catch (SQLException e) {
          if (Transactions.isRetryable(e)) {
            throw e;
          }
          Sql.rollback(connection, e);
          member.fail(e);
          return member;
        } catch (RuntimeException e) {
          Sql.rollback(connection, e);
          member.fail(e);
          return member;
        }
      }
      connection.commit();
      return null;
    } catch (SQLException e) {
      Sql.rollback(connection, e);
      throw e;
    }
  }

  /**
   * One caller's write and, once settled, its outcome. Written by the leader only; the caller reads
   * the outcome after it sees {@code settled}, which the leader sets last.
   */
  private static final class Member<T> {
    private final Transactions.Work<T> work;
    private final boolean oneStatement;
    private final Thread thread = Thread.currentThread();
    private T result;
    private Throwable failure;
    private volatile boolean settled;

    Member(Transactions.Work<T> work, boolean oneStatement) {
      this.work = work;
      this.oneStatement = oneStatement;
    }

    void runOn(Connection connection) throws SQLException {
      result = work.run(connection);
    }

    void commit() {
      settled = true;
      LockSupport.unpark(thread);
    }

    void fail(Throwable e) {
      result = null;
      failure = e;
      settled = true;
      LockSupport.unpark(thread);
    }

    T outcome() throws SQLException {
      if (failure instanceof SQLException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
