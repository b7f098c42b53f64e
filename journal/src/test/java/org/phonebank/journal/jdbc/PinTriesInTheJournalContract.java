// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;

/**
 * A PIN guess's try taken in the transaction that journals the guess and settled in the one that
 * records its answer: two commits for the PIN step, no try taken without its entry, no entry
 * without its try, and every control of the separate-step lockouts kept.
 */
abstract class PinTriesInTheJournalContract {

  static final Instant MORNING = Instant.parse("2026-03-21T05:30:00Z");
  static final CardNumber CARD = new CardNumber("6037991234567893");
  static final CardNumber OTHER_CARD = new CardNumber("6104337812345674");
  static final int LIMIT = 3;

  private static final SwitchOutcome WRONG_PIN =
      new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55");
  private static final SwitchOutcome RIGHT_PIN =
      new SwitchOutcome.Approved("000001", Rials.of(5_000_000));

  private TestDatabase database;
  private TestClock clock;
  private JdbcCardLockouts lockouts;
  private final AtomicInteger stans = new AtomicInteger();

  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAFreshDatabase() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(MORNING);
    lockouts = new JdbcCardLockouts(database.dataSource(), TestKeys.FINGERPRINT, clock);
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JdbcJournal journalOn(DataSource dataSource) {
    return new JdbcJournal(dataSource, "IVR00001", TestKeys.FINGERPRINT, clock);
  }

  private TransactionIds nextIds() {
    int stan = stans.incrementAndGet();
    return new TransactionIds(new Stan(stan), new Rrn(String.format("6%011d", stan)), MORNING);
  }

  private Optional<JournalEntry> guess(JdbcJournal journal, CardNumber card) {
    return journal.openTakingTry(
        "call-" + stans.get(),
        TransactionType.BALANCE_INQUIRY,
        nextIds(),
        card,
        lockouts.pinTry(card, LIMIT));
  }

  private long claimedTries() {
    return database.count("SELECT COALESCE(SUM(claimed_tries), 0) FROM card_lockout");
  }

  private long entries() {
    return database.count("SELECT COUNT(*) FROM switch_journal");
  }

  @Test
  void aGuessOpensItsEntryHoldingATryAndAWrongPinSettlesItWithTheAnswer() {
    JdbcJournal journal = journalOn(database.dataSource());
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);

    JournalEntry entry =
        journal
            .openTakingTry("call-1", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, pinTry)
            .orElseThrow();

    assertEquals(EntryState.PENDING, entry.state());
    assertEquals(1, claimedTries());
    assertEquals(
        new LockoutState(1, false), journal.closeSettlingTry(entry.id(), WRONG_PIN, pinTry));
    assertEquals(EntryState.DECLINED, journal.find(entry.id()).orElseThrow().state());
    assertEquals(0, claimedTries());
  }

  @Test
  void aRefusedTryOpensNoJournalEntry() {
    JdbcJournal journal = journalOn(database.dataSource());
    for (int i = 0; i < LIMIT; i++) {
      assertTrue(lockouts.takeTry(CARD, LIMIT));
    }

    assertEquals(Optional.empty(), guess(journal, CARD));

    assertEquals(0, entries());
    assertEquals(LIMIT, claimedTries(), "the refused guess took nothing");
  }

  @Test
  void aLockedCardOpensNoJournalEntry() {
    JdbcJournal journal = journalOn(database.dataSource());
    for (int i = 0; i < LIMIT; i++) {
      lockouts.wrongPin(CARD, LIMIT);
    }

    assertEquals(Optional.empty(), guess(journal, CARD));
    assertEquals(0, entries());
  }

  @Test
  void aJournalInsertThatFailsLeavesTheTryNotTaken() {
    Faults faults = new Faults("INSERT INTO switch_journal");
    JdbcJournal journal = journalOn(faults.over(database.dataSource()));

    assertThrows(RuntimeException.class, () -> guess(journal, CARD));

    assertEquals(0, entries());
    assertEquals(0, claimedTries(), "the try was rolled back with the entry");
    for (int i = 0; i < LIMIT; i++) {
      assertTrue(lockouts.takeTry(CARD, LIMIT), "every try is still there");
    }
  }

  @Test
  void aRecordThatFailsLeavesTheTryHeldAndTheEntryPendingForTheSweeper() {
    Faults faults = new Faults("UPDATE switch_journal");
    JdbcJournal journal = journalOn(faults.over(database.dataSource()));
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
    JournalEntry entry =
        journal
            .openTakingTry("call-2", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, pinTry)
            .orElseThrow();

    assertThrows(
        RuntimeException.class, () -> journal.closeSettlingTry(entry.id(), RIGHT_PIN, pinTry));

    assertEquals(EntryState.PENDING, journal.find(entry.id()).orElseThrow().state());
    assertEquals(1, claimedTries(), "the try is held, counted as taken");
    assertEquals(0, database.count("SELECT COUNT(*) FROM card_lockout WHERE wrong_pins > 0"));
  }

  @Test
  void anAnswerAfterTheSweeperClosedTheEntrySettlesNothingAndTheTryStaysHeld() {
    JdbcJournal journal = journalOn(database.dataSource());
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
    JournalEntry entry =
        journal
            .openTakingTry("call-3", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, pinTry)
            .orElseThrow();
    // What the sweeper does to an abandoned inquiry.
    journal.close(entry.id(), new SwitchOutcome.TimedOut());

    assertThrows(
        IllegalStateException.class, () -> journal.closeSettlingTry(entry.id(), RIGHT_PIN, pinTry));
    assertThrows(
        IllegalStateException.class,
        () -> journal.closeSettlingTry(entry.id(), new SwitchOutcome.TimedOut(), pinTry));

    assertEquals(EntryState.TIMED_OUT, journal.find(entry.id()).orElseThrow().state());
    assertEquals(1, claimedTries(), "the abandoned guess's try stays held");
  }

  @Test
  void aRightPinOnACardOtherCallsLockedMeanwhileIsAnsweredLocked() {
    JdbcJournal journal = journalOn(database.dataSource());
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
    JournalEntry entry =
        journal
            .openTakingTry("call-4", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, pinTry)
            .orElseThrow();
    for (int i = 0; i < LIMIT; i++) {
      lockouts.wrongPin(CARD, LIMIT);
    }

    assertTrue(journal.closeSettlingTry(entry.id(), RIGHT_PIN, pinTry).locked());
    assertTrue(lockouts.isLocked(CARD));
  }

  @Test
  void aRightPinClearsTheCountAndAGuessWithoutAVerdictGivesItsTryBack() {
    JdbcJournal journal = journalOn(database.dataSource());
    lockouts.wrongPin(CARD, LIMIT);
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
    JournalEntry unanswered = guess(journal, CARD).orElseThrow();
    JournalEntry answered = guess(journal, CARD).orElseThrow();

    assertEquals(
        new LockoutState(1, false),
        journal.closeSettlingTry(unanswered.id(), new SwitchOutcome.TimedOut(), pinTry));
    assertEquals(1, claimedTries());
    assertEquals(
        new LockoutState(0, false), journal.closeSettlingTry(answered.id(), RIGHT_PIN, pinTry));
    assertEquals(0, database.count("SELECT COUNT(*) FROM card_lockout"));
  }

  @Test
  void aTryOfAnotherStoreIsRefusedBeforeAnythingIsWritten() {
    JdbcJournal journal = journalOn(database.dataSource());
    PinTry foreign =
        new PinTry() {
          @Override
          public CardNumber card() {
            return CARD;
          }

          @Override
          public int limit() {
            return LIMIT;
          }
        };

    assertThrows(
        IllegalArgumentException.class,
        () ->
            journal.openTakingTry(
                "call-5", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, foreign));
    assertEquals(0, entries());
  }

  @Test
  void thePinStepCommitsTwice() {
    Faults faults = new Faults(null);
    JdbcJournal journal = journalOn(faults.over(database.dataSource()));
    // The journal's first entry also reserves a block of ids: not part of a PIN step.
    journal.close(
        journal.open("call-0", TransactionType.BALANCE_INQUIRY, nextIds(), OTHER_CARD, null).id(),
        RIGHT_PIN);
    PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
    faults.commits.set(0);

    JournalEntry entry =
        journal
            .openTakingTry("call-6", TransactionType.BALANCE_INQUIRY, nextIds(), CARD, pinTry)
            .orElseThrow();
    assertEquals(1, faults.commits.get(), "try and entry in one commit");
    journal.closeSettlingTry(entry.id(), WRONG_PIN, pinTry);

    assertEquals(2, faults.commits.get(), "answer and settlement in one commit");
  }

  @ParameterizedTest(name = "{0} calls")
  @ValueSource(ints = {3, 10, 50})
  void callsGuessingAtOnceThroughTheJournalGetNoMoreGuessesThanTheLimit(int calls)
      throws Exception {
    // Two nodes share the database; each guess is wrong. Inquiries on other cards are journalled
    // (group-committed) at the same moment, and none of them is lost to a refused try.
    List<JdbcJournal> nodes =
        List.of(journalOn(database.dataSource()), journalOn(database.dataSource()));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(2 * calls, 64));
    try {
      List<Future<Boolean>> guesses = new ArrayList<>();
      List<Future<JournalEntry>> inquiries = new ArrayList<>();
      for (int call = 0; call < calls; call++) {
        JdbcJournal node = nodes.get(call % 2);
        TransactionIds guessIds = nextIds();
        TransactionIds inquiryIds = nextIds();
        guesses.add(
            pool.submit(
                () -> {
                  start.await();
                  PinTry pinTry = lockouts.pinTry(CARD, LIMIT);
                  Optional<JournalEntry> entry =
                      node.openTakingTry(
                          "guess", TransactionType.BALANCE_INQUIRY, guessIds, CARD, pinTry);
                  if (entry.isEmpty()) {
                    return false;
                  }
                  node.closeSettlingTry(entry.get().id(), WRONG_PIN, pinTry);
                  return true;
                }));
        inquiries.add(
            pool.submit(
                () -> {
                  start.await();
                  return node.open(
                      "other", TransactionType.BALANCE_INQUIRY, inquiryIds, OTHER_CARD, null);
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Boolean> guess : guesses) {
        sent += guess.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      for (Future<JournalEntry> inquiry : inquiries) {
        inquiry.get(60, TimeUnit.SECONDS);
      }

      assertEquals(Math.min(calls, LIMIT), sent);
      assertEquals(
          sent, database.count("SELECT COUNT(*) FROM switch_journal WHERE call_id = 'guess'"));
      assertEquals(
          calls, database.count("SELECT COUNT(*) FROM switch_journal WHERE call_id = 'other'"));
      assertTrue(lockouts.isLocked(CARD));
      assertFalse(lockouts.takeTry(CARD, LIMIT));
      assertEquals(
          1,
          database.count(
              "SELECT COUNT(*) FROM card_lockout WHERE wrong_pins = "
                  + LIMIT
                  + " AND claimed_tries = 0"));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Connections that count durable commits (each {@code commit}, and each write run in auto-commit)
   * and fail every statement whose SQL starts with {@code failing}, as a database refusing that
   * write would.
   */
  static final class Faults {
    final AtomicInteger commits = new AtomicInteger();
    private final String failing;

    Faults(String failing) {
      this.failing = failing;
    }

    DataSource over(DataSource real) {
      return (DataSource)
          Proxy.newProxyInstance(
              DataSource.class.getClassLoader(),
              new Class<?>[] {DataSource.class},
              (proxy, method, args) -> {
                Object result = invoke(real, method, args);
                return method.getName().equals("getConnection")
                    ? connection((Connection) result)
                    : result;
              });
    }

    private Connection connection(Connection real) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("commit") && !real.getAutoCommit()) {
                  commits.incrementAndGet();
                }
                Object result = invoke(real, method, args);
                if (method.getName().equals("prepareStatement")) {
                  return statement(real, (PreparedStatement) result, (String) args[0]);
                }
                return result;
              });
    }

    private PreparedStatement statement(Connection connection, PreparedStatement real, String sql) {
      boolean write =
          sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE");
      return (PreparedStatement)
          Proxy.newProxyInstance(
              PreparedStatement.class.getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                  if (failing != null && sql.startsWith(failing)) {
                    throw new SQLException("Write refused (injected)", "58000");
                  }
                  if (write && connection.getAutoCommit()) {
                    commits.incrementAndGet();
                  }
                }
                return invoke(real, method, args);
              });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
