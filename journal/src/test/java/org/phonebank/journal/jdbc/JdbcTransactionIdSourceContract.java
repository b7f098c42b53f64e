// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;

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
  void theRrnIsTheYearDigitAndTheTerminalsElevenDigitSerialOfTheYear() {
    JdbcTransactionIdSource source = source(TERMINAL);
    TransactionIds first = source.next();
    TransactionIds second = source.next();

    assertEquals("600000000001", first.rrn().value());
    assertEquals("600000000002", second.rrn().value());
    assertEquals(MORNING, first.transmittedAt());
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
      assertEquals(nodes * perNode, stans.size());
      assertEquals(nodes * perNode, rrns.size());
      // Each node wastes at most the rest of its last block.
      int blocksPerNode =
          (perNode + JdbcTransactionIdSource.DEFAULT_BLOCK - 1)
              / JdbcTransactionIdSource.DEFAULT_BLOCK;
      assertTrue(
          stans.stream()
              .allMatch(
                  stan -> stan <= nodes * blocksPerNode * JdbcTransactionIdSource.DEFAULT_BLOCK));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRestartNeverRepeatsAStanOrAnRrn() {
    JdbcTransactionIdSource source = source(TERMINAL);
    List<TransactionIds> before = List.of(source.next(), source.next(), source.next());

    JdbcTransactionIdSource afterRestart =
        new JdbcTransactionIdSource(database.restart(), TERMINAL, clock);
    TransactionIds after = afterRestart.next();

    // The rest of the block taken before the restart is skipped, never handed out twice.
    assertEquals(JdbcTransactionIdSource.DEFAULT_BLOCK + 1, after.stan().value());
    for (TransactionIds earlier : before) {
      assertNotEquals(earlier.rrn(), after.rrn());
    }
  }

  @Test
  void pastAQuarterOfItsBlockASourceHasTakenTheNextAndARestartSkipsBoth() {
    int block = JdbcTransactionIdSource.DEFAULT_BLOCK;
    int quarter = block / 4;
    JdbcTransactionIdSource source = source(TERMINAL);
    List<Integer> pastAQuarter = stans(source, quarter + 1);

    JdbcTransactionIdSource afterRestart =
        new JdbcTransactionIdSource(database.restart(), TERMINAL, clock);

    // The next block was taken ahead once a quarter of the first was used: a restart skips both.
    assertEquals(List.of(2 * block + 1), stans(afterRestart, 1));
    // While the source runs, the block taken ahead follows on without a gap.
    List<Integer> more = stans(source, block - quarter);
    assertEquals(quarter + 2, more.get(0));
    assertEquals(block + 1, more.get(block - quarter - 1));
    assertEquals(
        pastAQuarter.size() + more.size(), new HashSet<>(concat(pastAQuarter, more)).size());
  }

  @Test
  void withinTheFirstQuarterOfItsBlockASourceHasTakenNothingAhead() {
    int block = JdbcTransactionIdSource.DEFAULT_BLOCK;
    stans(source(TERMINAL), block / 4);

    JdbcTransactionIdSource afterRestart =
        new JdbcTransactionIdSource(database.restart(), TERMINAL, clock);

    assertEquals(List.of(block + 1), stans(afterRestart, 1));
  }

  private static List<Integer> concat(List<Integer> first, List<Integer> second) {
    List<Integer> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  @Test
  void aBlockOfOneContinuesExactlyAfterARestart() {
    stans(new JdbcTransactionIdSource(database.dataSource(), TERMINAL, clock, 1), 3);

    JdbcTransactionIdSource afterRestart =
        new JdbcTransactionIdSource(database.restart(), TERMINAL, clock, 1);

    assertEquals(List.of(4, 5), stans(afterRestart, 2));
    assertEquals("600000000006", afterRestart.next().rrn().value(), "the RRN serial goes on too");
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
    // The RRN serial runs on through the year (from the next block): it is what stays unique.
    assertEquals(
        JdbcTransactionIdSource.rrn(2026, JdbcTransactionIdSource.DEFAULT_BLOCK + 1),
        firstOfTheDay.rrn());
  }

  @Test
  void eachTerminalHasItsOwnSequence() {
    JdbcTransactionIdSource first = source(TERMINAL);
    stans(first, 2);

    assertEquals(List.of(1), stans(source("IVR00002"), 1));
    assertEquals(List.of(3), stans(first, 1));
  }

  @Test
  void afterTheLastStanTheSequenceWrapsToOne() {
    database.execute(
        "INSERT INTO stan_counter (terminal_id, business_day, last_stan)"
            + " VALUES ('IVR00001', {d '2026-03-21'}, 999998)");

    assertEquals(List.of(999_999, 1, 2), stans(source(TERMINAL), 3));
  }

  @Test
  void aBlockTakenAcrossTheWrapWrapsInsideTheBlock() {
    database.execute(
        "INSERT INTO stan_counter (terminal_id, business_day, last_stan)"
            + " VALUES ('IVR00001', {d '2026-03-21'}, 999990)");
    JdbcTransactionIdSource source = source(TERMINAL);

    List<Integer> taken = stans(source, JdbcTransactionIdSource.DEFAULT_BLOCK + 1);

    assertEquals(999_991, taken.get(0));
    assertEquals(999_999, taken.get(8));
    assertEquals(1, taken.get(9));
    assertEquals(taken.size(), new HashSet<>(taken).size());
    assertEquals(JdbcTransactionIdSource.DEFAULT_BLOCK - 9 + 1, taken.get(taken.size() - 1));
  }

  @Test
  void whenTheYearsSerialsRunOutNoRrnIsRepeated() {
    database.execute(
        "INSERT INTO rrn_counter (terminal_id, rrn_year, last_serial)"
            + " VALUES ('IVR00001', 2026, "
            + (JdbcTransactionIdSource.MAX_SERIAL - 1)
            + ")");

    assertThrows(JournalStoreException.class, () -> source(TERMINAL).next());
    TransactionIds lastOfTheYear =
        new JdbcTransactionIdSource(database.dataSource(), TERMINAL, clock, 1).next();
    assertEquals("699999999999", lastOfTheYear.rrn().value());
  }

  @Test
  void aStanWrapAt1014InTehranNeverMeetsAnRrnAlreadyJournalled() {
    clock.advance(Duration.between(MORNING, Instant.parse("2026-03-21T06:44:00Z"))); // 10:14
    JdbcJournal journal =
        new JdbcJournal(database.dataSource(), TERMINAL, TestKeys.FINGERPRINT, clock);
    CardNumber card = new CardNumber("6037991234567893");
    TransactionIds firstOfTheDay = source(TERMINAL).next();
    journal.open("call-1", TransactionType.BALANCE_INQUIRY, firstOfTheDay, card, null);
    // What the old RRN (year digit, day, hour, STAN) gave the first STAN of this hour: the next
    // STAN 1 of the hour would have been refused as already journalled.
    TransactionIds oldStyle =
        new TransactionIds(firstOfTheDay.stan(), new Rrn("608010000001"), clock.instant());
    journal.open("call-0", TransactionType.BALANCE_INQUIRY, oldStyle, card, null);
    // A million requests later, still in the same hour, the day's counter stands at 999999.
    database.execute("UPDATE stan_counter SET last_stan = 999999");

    TransactionIds afterTheWrap = source(TERMINAL).next();
    JournalEntry journalled =
        journal.open("call-2", TransactionType.BALANCE_INQUIRY, afterTheWrap, card, null);

    assertEquals(1, afterTheWrap.stan().value());
    assertEquals(firstOfTheDay.stan(), afterTheWrap.stan());
    assertNotEquals(firstOfTheDay.rrn(), afterTheWrap.rrn());
    assertNotEquals(oldStyle.rrn(), afterTheWrap.rrn());
    assertEquals(afterTheWrap, journalled.ids());
  }
}
