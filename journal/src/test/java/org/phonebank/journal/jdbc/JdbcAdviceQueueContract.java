// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.QueuedAdvice;

/**
 * What the JDBC queue adds to the port's rules: durability, the stored record and several nodes at
 * once.
 */
abstract class JdbcAdviceQueueContract extends AdviceQueueContract {

  private TestDatabase database;
  private TestClock clock;
  private JdbcJournal journal;
  private final AtomicInteger lastStan = new AtomicInteger();

  abstract TestDatabase newDatabase();

  @Override
  AdviceQueue newQueue() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(ARMED_AT);
    journal = new JdbcJournal(database.dataSource(), "IVR00001", TestKeys.FINGERPRINT, clock);
    return new JdbcAdviceQueue(database.dataSource(), clock);
  }

  @Override
  long newJournalEntry() {
    int stan = lastStan.incrementAndGet();
    TransactionIds ids =
        new TransactionIds(new Stan(stan), new Rrn(String.format("608009%06d", stan)), ARMED_AT);
    return journal
        .open(
            "call-" + stan,
            TransactionType.TRANSFER,
            ids,
            new CardNumber("6037991234567893"),
            Rials.of(1_000))
        .id();
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JdbcAdviceQueue node() {
    return new JdbcAdviceQueue(database.dataSource(), clock);
  }

  @Test
  void theQueueSurvivesARestartInItsOrderWithItsAttempts() {
    long first = newJournalEntry();
    long second = newJournalEntry();
    long armed = newJournalEntry();
    for (long entry : List.of(first, second, armed)) {
      queue.arm(reversal(entry));
    }
    queue.release(second);
    queue.release(first);
    queue.attempted(second, ARMED_AT.plusSeconds(5));

    JdbcAdviceQueue afterRestart = new JdbcAdviceQueue(database.restart(), clock);

    List<QueuedAdvice> released = afterRestart.released(10);
    assertEquals(List.of(second, first), ids(released));
    assertEquals(List.of(1, 0), released.stream().map(QueuedAdvice::attempts).toList());
    assertArrayEquals(reversal(second).sealedMessage(), released.get(0).sealedMessage());
    assertEquals(Set.of(armed), afterRestart.armed());
  }

  @Test
  void theAnswerIsKeptOnRecordAndTheSealedMessageWiped() {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));
    queue.release(entry);

    queue.acknowledged(entry, "00", ARMED_AT.plusSeconds(3));
    queue.acknowledged(entry, "96", ARMED_AT.plusSeconds(9));

    assertEquals(
        1,
        database.count(
            "SELECT COUNT(*) FROM advice_queue WHERE journal_entry_id = "
                + entry
                + " AND state = 'ACKNOWLEDGED' AND response_code = '00' AND sealed_message IS NULL"
                + " AND acknowledged_at IS NOT NULL"));
  }

  @Test
  void anAdviceBelongsToAJournalEntry() {
    assertThrows(JournalStoreException.class, () -> queue.arm(reversal(4_242)));
  }

  @Test
  void twoNodesReleasingAtOnceQueueEveryAdviceOnceInOneOrder() throws Exception {
    int count = 60;
    List<Long> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long entry = newJournalEntry();
      entries.add(entry);
    }
    JdbcAdviceQueue nodeA = node();
    JdbcAdviceQueue nodeB = node();
    // Both nodes arm and release every advice, as two recoveries running at once would.
    runTogether(
        () -> {
          for (long entry : entries) {
            nodeA.arm(reversal(entry));
            nodeA.release(entry);
          }
          return null;
        },
        () -> {
          for (long entry : entries) {
            nodeB.arm(reversal(entry));
            nodeB.release(entry);
          }
          return null;
        });

    List<Long> released = ids(queue.released(count * 2));
    assertEquals(count, released.size());
    assertEquals(new HashSet<>(entries), new HashSet<>(released));
    assertEquals(count, database.count("SELECT COUNT(DISTINCT release_order) FROM advice_queue"));
    assertEquals(Set.of(), queue.armed());
  }

  @Test
  void eightCallersJournallingAndReleasingAtOnceAreNeverRefused() throws Exception {
    // Each caller opens an entry, arms and releases its advice: the identity of switch_journal and
    // advice_release_seq are drawn by all at once, which Derby refused (40XL1, X0Y84) when
    // its first preallocated range was taken concurrently, before retries had a back-off.
    int callers = 8;
    int each = 8;
    List<Callable<Void>> runs = new ArrayList<>();
    List<Long> entries = Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < callers; c++) {
      runs.add(
          () -> {
            JdbcAdviceQueue own = node();
            for (int i = 0; i < each; i++) {
              long entry = newJournalEntry();
              own.arm(reversal(entry));
              own.release(entry);
              entries.add(entry);
            }
            return null;
          });
    }

    runTogether(runs);

    assertEquals(callers * each, entries.size());
    assertEquals(new HashSet<>(entries), new HashSet<>(ids(queue.released(callers * each + 1))));
  }

  @Test
  void attemptsCountedByTwoNodesAtOnceAreAllKept() throws Exception {
    long entry = newJournalEntry();
    queue.arm(reversal(entry));
    queue.release(entry);
    int perNode = 50;
    Callable<Void> attempts =
        () -> {
          JdbcAdviceQueue own = node();
          for (int i = 0; i < perNode; i++) {
            own.attempted(entry, ARMED_AT.plusSeconds(i));
          }
          return null;
        };

    runTogether(attempts, attempts);

    assertEquals(2 * perNode, queue.released(1).get(0).attempts());
  }

  private static void runTogether(Callable<Void> first, Callable<Void> second) throws Exception {
    runTogether(List.of(first, second));
  }

  private static void runTogether(List<Callable<Void>> works) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(works.size());
    try {
      List<Future<Void>> runs = new ArrayList<>();
      for (Callable<Void> work : works) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      for (Future<Void> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
