// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.TransactionIds;

/**
 * How STANs and RRNs must be handed out on every supported database; a subclass names the database.
 */
abstract class JdbcTransactionIdSourceContract {

  private static final String TERMINAL = "IVR00001";
  // 10:15:30 in Tehran (+03:30) on 21 March 2026, day 80 of the year.
  private static final Instant MORNING = Instant.parse("2026-03-21T06:45:30Z");

  private TestDatabase database;
  private TestClock clock;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAFreshDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(MORNING);
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JdbcTransactionIdSource source(String terminal) {
    return new JdbcTransactionIdSource(database.dataSource(), terminal, clock);
  }

  private static List<Integer> stans(JdbcTransactionIdSource source, int count) {
    List<Integer> stans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stans.add(source.next().stan().value());
    }
    return stans;
  }

  @Test
  void theFirstStanOfTheDayIsOneAndEachNextFollows() {
    assertEquals(List.of(1, 2, 3), stans(source(TERMINAL), 3));
  }

  @Test
  void theRrnIsYearDigitDayOfYearHourAndStan() {
    TransactionIds ids = source(TERMINAL).next();

    assertEquals("608010000001", ids.rrn().value());
    assertEquals(MORNING, ids.transmittedAt());
  }

  @Test
  void everyStanIsTakenOnceWhenFourNodesAskAtOnce() throws Exception {
    int nodes = 4;
    int perNode = 200;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<List<TransactionIds>>> runs = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        JdbcTransactionIdSource own = source(TERMINAL);
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  List<TransactionIds> taken = new ArrayList<>();
                  for (int i = 0; i < perNode; i++) {
                    taken.add(own.next());
                  }
                  return taken;
                }));
      }
      start.countDown();
      List<TransactionIds> all = new ArrayList<>();
      for (Future<List<TransactionIds>> run : runs) {
        all.addAll(run.get());
      }

      Set<Integer> stans = all.stream().map(ids -> ids.stan().value()).collect(Collectors.toSet());
      Set<String> rrns = all.stream().map(ids -> ids.rrn().value()).collect(Collectors.toSet());
      assertEquals(
          IntStream.rangeClosed(1, nodes * perNode).boxed().collect(Collectors.toSet()), stans);
      assertEquals(nodes * perNode, rrns.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSequenceContinuesAfterARestart() {
    stans(source(TERMINAL), 3);

    JdbcTransactionIdSource afterRestart =
        new JdbcTransactionIdSource(database.restart(), TERMINAL, clock);

    assertEquals(List.of(4, 5), stans(afterRestart, 2));
  }

  @Test
  void aNewDayInTehranStartsAgainAtOne() {
    JdbcTransactionIdSource source = source(TERMINAL);
    stans(source, 3);
    // 23:59:30 in Tehran, still the same business day.
    clock.advance(Duration.ofHours(13).plusMinutes(44));
    assertEquals(List.of(4), stans(source, 1));

    clock.advance(Duration.ofMinutes(1));
    TransactionIds firstOfTheDay = source.next();

    assertEquals(1, firstOfTheDay.stan().value());
    assertEquals("608100000001", firstOfTheDay.rrn().value());
  }

  @Test
  void eachTerminalHasItsOwnSequence() {
    stans(source(TERMINAL), 2);

    assertEquals(List.of(1), stans(source("IVR00002"), 1));
    assertEquals(List.of(3), stans(source(TERMINAL), 1));
  }

  @Test
  void afterTheLastStanTheSequenceWrapsToOne() {
    JdbcTransactionIdSource source = source(TERMINAL);
    source.next();
    database.execute("UPDATE stan_counter SET last_stan = 999998");

    assertEquals(List.of(999_999, 1, 2), stans(source, 3));
    assertEquals(3, new HashSet<>(List.of(999_999, 1, 2)).size());
  }
}
