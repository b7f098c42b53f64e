// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phonebank.card.CardFingerprint;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.lockout.LockedCard;
import org.phonebank.lockout.LockoutState;

/**
 * What the JDBC lockouts add to the port's rules: durability, the unlock audit and several nodes at
 * once.
 */
abstract class JdbcCardLockoutsContract extends CardLockoutsContract {

  static final Instant MORNING = Instant.parse("2026-03-21T05:30:00Z");

  private TestDatabase database;
  private TestClock clock;

  abstract TestDatabase newDatabase();

  @Override
  CardLockouts newLockouts() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(MORNING);
    return node();
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JdbcCardLockouts node() {
    return new JdbcCardLockouts(database.dataSource(), TestKeys.FINGERPRINT, clock);
  }

  @Test
  void aLockAndACountSurviveARestart() {
    wrongPins(CARD, LIMIT);
    wrongPins(OTHER_CARD, 1);

    JdbcCardLockouts afterRestart =
        new JdbcCardLockouts(database.restart(), TestKeys.FINGERPRINT, clock);

    assertTrue(afterRestart.isLocked(CARD));
    assertEquals(
        List.of(
            new LockedCard(
                CardFingerprint.of(CARD, TestKeys.FINGERPRINT), "603799******7893", MORNING)),
        afterRestart.locked());
    assertEquals(new LockoutState(2, false), afterRestart.wrongPin(OTHER_CARD, LIMIT));
  }

  @Test
  void lockedCardsAreListedNewestFirst() {
    wrongPins(CARD, LIMIT);
    clock.advance(Duration.ofMinutes(5));
    wrongPins(OTHER_CARD, LIMIT);

    assertEquals(
        List.of("610433******5674", "603799******7893"),
        lockouts.locked().stream().map(LockedCard::maskedCard).toList());
    assertEquals(MORNING.plus(Duration.ofMinutes(5)), lockouts.locked().get(0).lockedAt());
  }

  @Test
  void everyUnlockIsAuditedWithTheOfficerAndTheLockItLifted() {
    wrongPins(CARD, LIMIT);
    clock.advance(Duration.ofMinutes(10));
    lockouts.unlock(lockedFingerprint(), "officer.rahimi");
    wrongPins(CARD, LIMIT + 1);
    clock.advance(Duration.ofMinutes(10));
    lockouts.unlock(lockedFingerprint(), "officer.karimi");

    assertEquals(
        2,
        database.count(
            "SELECT COUNT(*) FROM card_unlock WHERE card_fingerprint = '"
                + CardFingerprint.of(CARD, TestKeys.FINGERPRINT).hex()
                + "' AND masked_card = '603799******7893'"));
    assertEquals(
        1,
        database.count(
            "SELECT COUNT(*) FROM card_unlock WHERE unlocked_by = 'officer.rahimi'"
                + " AND wrong_pins = 3 AND locked_at < unlocked_at"));
    assertEquals(
        1,
        database.count(
            "SELECT COUNT(*) FROM card_unlock WHERE unlocked_by = 'officer.karimi'"
                + " AND wrong_pins = 4"));
  }

  @Test
  void anUnnamedOfficerCannotUnlock() {
    wrongPins(CARD, LIMIT);

    assertThrows(IllegalArgumentException.class, () -> lockouts.unlock(lockedFingerprint(), " "));
    assertTrue(lockouts.isLocked(CARD));
  }

  @Test
  void aStoreUnderAnotherKeyDoesNotRecogniseTheCard() {
    wrongPins(CARD, LIMIT);

    JdbcCardLockouts otherKey =
        new JdbcCardLockouts(database.dataSource(), TestKeys.OTHER_FINGERPRINT, clock);

    assertFalse(otherKey.isLocked(CARD));
  }

  @Test
  void wrongPinsTypedAtOnceOnTwoNodesAreAllCounted() throws Exception {
    int perNode = 40;
    Callable<List<LockoutState>> caller =
        () -> {
          JdbcCardLockouts own = node();
          List<LockoutState> states = new ArrayList<>();
          for (int i = 0; i < perNode; i++) {
            states.add(own.wrongPin(CARD, 1_000));
          }
          return states;
        };

    List<LockoutState> states = runTogether(caller, caller);

    assertEquals(2 * perNode, lockouts.wrongPin(CARD, 1_000).wrongPins() - 1);
    // Every call saw its own count: no two callers read the same number.
    assertEquals(2 * perNode, states.stream().map(LockoutState::wrongPins).distinct().count());
  }

  @Test
  void twoNodesReachingTheLimitTogetherLockTheCardOnce() throws Exception {
    lockouts.wrongPin(CARD, LIMIT);
    Callable<List<LockoutState>> caller = () -> List.of(node().wrongPin(CARD, LIMIT));

    List<LockoutState> states = runTogether(caller, caller);

    assertEquals(List.of(2, 3), states.stream().map(LockoutState::wrongPins).sorted().toList());
    assertEquals(1, lockouts.locked().size());
    assertTrue(lockouts.isLocked(CARD));
  }

  @Test
  void twoOfficersUnlockingTogetherLiftTheLockOnce() throws Exception {
    wrongPins(CARD, LIMIT);
    CardFingerprint fingerprint = lockedFingerprint();
    Callable<List<Boolean>> officer = () -> List.of(node().unlock(fingerprint, "officer.rahimi"));

    List<Boolean> answers = runTogether(officer, officer);

    assertEquals(List.of(false, true), answers.stream().sorted().toList());
    assertEquals(1, database.count("SELECT COUNT(*) FROM card_unlock"));
  }

  private static <T> List<T> runTogether(Callable<List<T>> first, Callable<List<T>> second)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<T>>> runs = new ArrayList<>();
      for (Callable<List<T>> work : List.of(first, second)) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> run : runs) {
        all.addAll(run.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0} calls")
  @ValueSource(ints = {3, 10, 50})
  void callsGuessingAtOnceOnOneCardGetNoMoreGuessesThanTheLimit(int calls) throws Exception {
    // Each call takes a try before its guess would go to the switch, as the sign-in does, and
    // every guess is wrong; two nodes share the database.
    List<JdbcCardLockouts> nodes = List.of(node(), node());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<Boolean>> guesses = new ArrayList<>();
      for (int call = 0; call < calls; call++) {
        JdbcCardLockouts node = nodes.get(call % 2);
        guesses.add(
            pool.submit(
                () -> {
                  start.await();
                  if (!node.takeTry(CARD, LIMIT)) {
                    return false;
                  }
                  node.wrongPin(CARD, LIMIT);
                  return true;
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Boolean> guess : guesses) {
        sent += guess.get() ? 1 : 0;
      }

      assertEquals(Math.min(calls, LIMIT), sent);
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
}
