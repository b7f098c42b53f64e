// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.LimitedSend;
import org.phonebank.journal.OverDailyLimit;
import org.phonebank.journal.Reservation;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.testing.InMemoryReversals;
import org.phonebank.testing.MaskingPinSealer;

/**
 * Daily limits under concurrency on a real database: calls on one card sending at the same moment,
 * from two nodes, with no answer back yet, so every reservation is still PENDING (sent and
 * unanswered) while the others are decided. The case: three calls of 100,000,000 rials
 * against 200,000,000 let exactly two through.
 */
abstract class JdbcDailyLimitContract {

  static final CardNumber CARD = new CardNumber("6037991234567893");
  static final CardNumber PAYEE = new CardNumber("6104337812345674");
  static final Instant NOON_TEHRAN = Instant.parse("2026-03-21T08:30:00Z");
  static final Rials TRANSFER = Rials.of(100_000_000);
  static final Rials TRANSFER_LIMIT = Rials.of(200_000_000);
  static final Rials BILL = Rials.of(30_000_000);
  static final Rials BILL_LIMIT = Rials.of(100_000_000);

  private TestDatabase database;
  private List<JdbcJournal> nodes;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void twoNodesOnOneDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    TestClock clock = new TestClock(NOON_TEHRAN);
    nodes =
        List.of(
            new JdbcJournal(database.dataSource(), "IVR00001", TestKeys.FINGERPRINT, clock),
            new JdbcJournal(database.dataSource(), "IVR00002", TestKeys.FINGERPRINT, clock));
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  @ParameterizedTest(name = "{0} calls")
  @ValueSource(ints = {3, 10, 50})
  void callsSendingAtOnceOnOneCardNeverExceedItsDailyLimitsByARial(int calls) throws Exception {
    // Even calls transfer 100,000,000 (limit 200,000,000), odd ones pay a 30,000,000 bill (limit
    // 100,000,000): two transfers fit, three bills.
    List<JournalEntry> reserved = race(calls, 1);

    long transfers = count(reserved, TransactionType.TRANSFER);
    long bills = count(reserved, TransactionType.BILL_PAYMENT);
    assertEquals(Math.min((calls + 1) / 2, 2), transfers);
    assertEquals(Math.min(calls / 2, 3), bills);
    assertEquals(
        Rials.of(transfers * TRANSFER.value()),
        nodes.get(0).usedToday(CARD, TransactionType.TRANSFER));
    assertEquals(
        Rials.of(bills * BILL.value()), nodes.get(1).usedToday(CARD, TransactionType.BILL_PAYMENT));
    assertEquals(reserved.size(), database.count("SELECT COUNT(*) FROM switch_journal"));
  }

  @ParameterizedTest(name = "{0} calls")
  @ValueSource(ints = {3, 10, 50})
  void aDeclinedTransferFreesExactlyItsAmountForTheCallsAfterIt(int calls) throws Exception {
    List<JournalEntry> first = race(calls, 1);
    JournalEntry transfer =
        first.stream().filter(e -> e.type() == TransactionType.TRANSFER).findFirst().orElseThrow();
    nodes
        .get(0)
        .close(transfer.id(), new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));

    List<JournalEntry> second = race(calls, 1 + calls);

    assertEquals(1, count(second, TransactionType.TRANSFER));
    long billsBefore = count(first, TransactionType.BILL_PAYMENT);
    assertEquals(Math.min(calls / 2, 3 - billsBefore), count(second, TransactionType.BILL_PAYMENT));
    assertEquals(TRANSFER_LIMIT, nodes.get(1).usedToday(CARD, TransactionType.TRANSFER));
  }

  @ParameterizedTest(name = "{0} calls")
  @ValueSource(ints = {3, 10, 50})
  void transfersSentAtOnceReachTheSwitchOnlyWhileTheyFitTheDay(int calls) throws Exception {
    // The switch holds every transfer unanswered until all the other calls have been refused, so
    // what it has received is all still in flight while the rest are decided.
    int fit = Math.min(calls, 2);
    CountDownLatch othersRefused = new CountDownLatch(calls - fit);
    List<Rials> received = Collections.synchronizedList(new ArrayList<>());
    BankSwitch slowSwitch =
        request -> {
          received.add(request.amount());
          try {
            othersRefused.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new SwitchOutcome.Approved("000001");
        };
    AtomicInteger stans = new AtomicInteger();
    List<JournalledSwitch> switches = new ArrayList<>();
    for (JdbcJournal node : nodes) {
      switches.add(
          new JournalledSwitch(
              slowSwitch, node, () -> ids(stans.incrementAndGet()), new InMemoryReversals()));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<LimitedSend>> sends = new ArrayList<>();
      for (int call = 0; call < calls; call++) {
        JournalledSwitch bank = switches.get(call % 2);
        String callId = "call-" + call;
        sends.add(
            pool.submit(
                () -> {
                  start.await();
                  LimitedSend sent =
                      bank.sendWithinDailyLimit(
                          callId,
                          TRANSFER_LIMIT,
                          next ->
                              new Transfer(
                                  next,
                                  CARD,
                                  MaskingPinSealer.sealed("7391", CARD),
                                  new TransferDestination.ToCard(PAYEE),
                                  TRANSFER));
                  if (sent instanceof OverDailyLimit) {
                    othersRefused.countDown();
                  }
                  return sent;
                }));
      }
      start.countDown();
      int approved = 0;
      for (Future<LimitedSend> send : sends) {
        if (send.get() instanceof LimitedSend.Sent sent
            && sent.outcome() instanceof SwitchOutcome.Approved) {
          approved++;
        }
      }

      assertEquals(fit, approved);
      assertEquals(Collections.nCopies(fit, TRANSFER), received);
      assertEquals(fit, database.count("SELECT COUNT(*) FROM switch_journal"));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts {@code calls} reservations on the card at once over both nodes, STANs from {@code
   * firstStan}, and returns those that went through.
   */
  private List<JournalEntry> race(int calls, int firstStan) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<Reservation>> answers = new ArrayList<>();
      for (int call = 0; call < calls; call++) {
        int stan = firstStan + call;
        JdbcJournal node = nodes.get((call / 2) % 2);
        boolean transfer = call % 2 == 0;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return node.openWithinDailyLimit(
                      "call-" + stan,
                      transfer ? TransactionType.TRANSFER : TransactionType.BILL_PAYMENT,
                      ids(stan),
                      CARD,
                      transfer ? TRANSFER : BILL,
                      transfer ? TRANSFER_LIMIT : BILL_LIMIT);
                }));
      }
      start.countDown();
      List<JournalEntry> reserved = new ArrayList<>();
      for (Future<Reservation> answer : answers) {
        if (answer.get() instanceof Reservation.Reserved yes) {
          reserved.add(yes.entry());
        }
      }
      return reserved;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(List<JournalEntry> entries, TransactionType type) {
    return entries.stream().filter(e -> e.type() == type).count();
  }

  private static TransactionIds ids(int stan) {
    return new TransactionIds(
        new Stan(stan), new Rrn(String.format("608009%06d", stan)), NOON_TEHRAN.plusMillis(stan));
  }
}
