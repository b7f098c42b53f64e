// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.escalation.SampleEscalations.caller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryStatus;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.EscalationStore;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.Offer;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.escalation.Router;
import org.phonebank.escalation.RoutingContract;
import org.phonebank.escalation.SampleEscalations;
import org.phonebank.escalation.WaitState;

/**
 * Every routing rule again on the database, and what only a shared database adds: several nodes
 * reserving at once, and a restart.
 */
abstract class JdbcRoutingContract extends RoutingContract {

  private static TestDatabase database;

  abstract TestDatabase newDatabase();

  /**
   * True where a reservation passes over a row another transaction holds instead of waiting for it
   * (PostgreSQL's one-statement reservation); Derby waits.
   */
  boolean passesOverLockedRows() {
    return false;
  }

  @Override
  protected EscalationStore newStore() {
    if (database == null) {
      database = newDatabase();
    }
    database.migratedAndEmpty();
    return new JdbcEscalationStore(database.pooled());
  }

  @AfterAll
  static void dropTheDatabase() {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return Optional.ofNullable(
            text("SELECT end_reason FROM escalation_entry WHERE id = ?", entryId))
        .map(EntryEnd::valueOf);
  }

  private String text(String sql, long id) {
    return database.text(sql, id);
  }

  private long count(String sql) {
    try (Connection connection = database.pooled().getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code officers} general operators o1..oN, all speaking Persian. */
  private static EscalationSettings operators(int officers) {
    Map<String, String> keys = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= officers; i++) {
      ids.add("o" + i);
      keys.put("phonebank.escalation.officer.o" + i + ".skills", "general:2");
    }
    keys.put("phonebank.escalation.officers", String.join(",", ids));
    return SampleEscalations.settings(keys);
  }

  private Escalations node(EscalationSettings settings, String nodeId) {
    return new Escalations(settings, new JdbcEscalationStore(database.pooled()), clock, nodeId);
  }

  @Test
  void aCallerOnAnotherNodeIsNeverReservedByThisNodesCallersLook() {
    EscalationSettings settings = operators(1);
    Escalations first = node(settings, "node-1");
    Escalations second = node(settings, "node-2");
    first.start();
    second.start();
    assertTrue(first.setStatus("o1", OfficerStatus.READY));
    QueuedCall ahead = second.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    QueuedCall behind = first.enqueue(caller("call-2", "fa", EscalationReason.ASKED));

    assertInstanceOf(WaitState.Waiting.class, first.status(behind.id()));
    assertEquals(OfficerStatus.READY, first.officer("o1").orElseThrow().status());

    clock.advanceSeconds(4);
    WaitState.Ringing ring = assertInstanceOf(WaitState.Ringing.class, second.status(ahead.id()));
    assertEquals(clock.instant(), ring.offer().offeredAt());
    assertEquals(settings.ringTimeout(), ring.ringFor());
    clock.advanceSeconds(settings.ringTimeout().toSeconds());
    assertInstanceOf(WaitState.Waiting.class, first.status(behind.id()));
    assertEquals(OfficerStatus.RESERVED, first.officer("o1").orElseThrow().status());
  }

  @Test
  void twoRoutersOverOneDatabaseNeverReserveTheSameOfficer() throws Exception {
    EscalationSettings settings = operators(12);
    Escalations first = node(settings, "node-1");
    Escalations second = node(settings, "node-2");
    first.start();
    second.start();
    for (int i = 1; i <= 12; i++) {
      assertTrue(first.setStatus("o" + i, OfficerStatus.READY));
    }
    for (int i = 0; i < 30; i++) {
      (i % 2 == 0 ? first : second).enqueue(caller("call-" + i, "fa", EscalationReason.ASKED));
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Offer>>> rounds = new ArrayList<>();
      for (Escalations node : List.of(first, second)) {
        rounds.add(
            pool.submit(
                () -> {
                  go.await();
                  List<Offer> made = new ArrayList<>();
                  for (int round = 0; round < 5; round++) {
                    made.addAll(node.dispatch());
                  }
                  return made;
                }));
      }
      go.countDown();
      List<Offer> offers = new ArrayList<>();
      for (Future<List<Offer>> round : rounds) {
        offers.addAll(round.get());
      }

      assertEquals(12, offers.size());
      assertEquals(12, offers.stream().map(Offer::officerId).distinct().count());
      assertEquals(12, offers.stream().map(Offer::entryId).distinct().count());
      assertEquals(12, count("SELECT COUNT(*) FROM escalation_offer WHERE result IS NULL"));
      assertEquals(12, count("SELECT COUNT(*) FROM escalation_officer WHERE status = 'RESERVED'"));
      assertEquals(12, count("SELECT COUNT(*) FROM escalation_entry WHERE status = 'RINGING'"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOfficerOrCallerAnotherRouterIsReservingIsPassedOverNotWaitedFor() throws Exception {
    Assumptions.assumeTrue(passesOverLockedRows(), "this database waits for the row");
    EscalationSettings settings = operators(2);
    Escalations node = node(settings, "node-1");
    node.start();
    assertTrue(node.setStatus("o1", OfficerStatus.READY));
    assertTrue(node.setStatus("o2", OfficerStatus.READY));
    long entry = node.enqueue(caller("call-1", "fa", EscalationReason.ASKED)).id();
    JdbcEscalationStore store = new JdbcEscalationStore(database.pooled());
    Instant now = clock.instant();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = database.pooled().getConnection()) {
      other.setAutoCommit(false);
      // Another router in the middle of reserving o1: its row is locked until it commits.
      lock(other, "SELECT officer_id FROM escalation_officer WHERE officer_id = 'o1' FOR UPDATE");
      Future<Optional<Offer>> reserving =
          pool.submit(
              () -> store.reserveFirst(entry, List.of("o1", "o2"), now, now.plusSeconds(15)));
      // Waiting for the lock would block until the other transaction ends, which it does not.
      Offer offer = reserving.get(10, TimeUnit.SECONDS).orElseThrow();
      assertEquals("o2", offer.officerId());
      other.rollback();

      assertEquals(OfficerStatus.READY, store.officer("o1").orElseThrow().status());
      assertEquals(OfficerStatus.RESERVED, store.officer("o2").orElseThrow().status());

      // And a caller another router holds ends this try without touching the officer.
      long second = node.enqueue(caller("call-2", "fa", EscalationReason.ASKED)).id();
      lock(other, "SELECT id FROM escalation_entry WHERE id = " + second + " FOR UPDATE");
      Future<Optional<Offer>> passed =
          pool.submit(() -> store.reserveFirst(second, List.of("o1"), now, now.plusSeconds(15)));
      assertEquals(Optional.empty(), passed.get(10, TimeUnit.SECONDS));
      other.rollback();
      assertEquals(OfficerStatus.READY, store.officer("o1").orElseThrow().status());
      assertEquals(EntryStatus.WAITING, store.entry(second).orElseThrow().status());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void lock(Connection connection, String sql) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      assertTrue(row.next(), sql);
    }
  }

  @Test
  void aRoundsMatchTakenMeanwhileIsUndoneAloneAndTheOthersStillRing() throws Exception {
    EscalationSettings settings = operators(3);
    Escalations node = node(settings, "node-1");
    node.start();
    for (int i = 1; i <= 3; i++) {
      assertTrue(node.setStatus("o" + i, OfficerStatus.READY));
    }
    long first = node.enqueue(caller("call-1", "fa", EscalationReason.ASKED)).id();
    long second = node.enqueue(caller("call-2", "fa", EscalationReason.ASKED)).id();
    long third = node.enqueue(caller("call-3", "fa", EscalationReason.ASKED)).id();
    JdbcEscalationStore store = new JdbcEscalationStore(database.pooled());
    Instant now = clock.instant();
    // Another node got there first: o3 rings for the first caller.
    assertTrue(store.reserve(first, "o3", now, now.plusSeconds(20)).isPresent());

    List<Offer> made =
        store.reserveAll(
            List.of(
                new Router.Match(first, "o2"), // caller taken, found after o2 was reserved
                new Router.Match(second, "o3"), // officer taken
                new Router.Match(third, "o1")), // reserved first (officers in id order)
            now,
            now.plusSeconds(20));

    assertEquals(List.of(third), made.stream().map(Offer::entryId).toList());
    assertEquals(OfficerStatus.READY, store.officer("o2").orElseThrow().status());
    assertEquals(OfficerStatus.RESERVED, store.officer("o1").orElseThrow().status());
    assertEquals(EntryStatus.WAITING, store.entry(second).orElseThrow().status());
    assertEquals(2, count("SELECT COUNT(*) FROM escalation_offer WHERE result IS NULL"));
    assertEquals(2, count("SELECT COUNT(*) FROM escalation_officer WHERE status = 'RESERVED'"));
  }

  /** Operators o1..oN READY and one caller waiting for them; the caller's entry id. */
  private long oneCallerAndReadyOperators(int officers) {
    Escalations node = node(operators(officers), "node-1");
    node.start();
    for (int i = 1; i <= officers; i++) {
      assertTrue(node.setStatus("o" + i, OfficerStatus.READY));
    }
    return node.enqueue(caller("call-1", "fa", EscalationReason.ASKED)).id();
  }

  /** A store whose transaction stops before its statement starting with {@code sqlStart}. */
  private static JdbcEscalationStore pausingBefore(
      String sqlStart, CountDownLatch reached, CountDownLatch goOn) {
    return new JdbcEscalationStore(
        PausingDataSource.before(database.pooled(), sqlStart, reached, goOn));
  }

  /**
   * Two routers chose different officers for one caller. The first holds its officer and has not
   * yet reached the caller's row; the second must still get through: a reservation that holds an
   * officer must hold nothing the caller's other reservation waits for. On Derby the officer's
   * foreign key to the caller, set with the officer's first update, was checked under a shared lock
   * on the caller's row held to commit, and the second reservation waited on the first's officer
   * row: when the first then went for the caller, the two deadlocked (BENCHMARKS.md).
   */
  @Test
  void aReservationHoldingItsOfficerDoesNotStopAnotherOfficerTakingTheCaller() throws Exception {
    long entry = oneCallerAndReadyOperators(2);
    CountDownLatch atTheCaller = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    JdbcEscalationStore paused =
        pausingBefore("UPDATE escalation_entry SET status = 'RINGING'", atTheCaller, goOn);
    JdbcEscalationStore other = new JdbcEscalationStore(database.pooled());
    Instant now = clock.instant();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<Offer>> first =
          pool.submit(() -> paused.reserve(entry, "o1", now, now.plusSeconds(15)));
      assertTrue(atTheCaller.await(10, TimeUnit.SECONDS), "the first reservation holds o1");
      Future<Optional<Offer>> second =
          pool.submit(() -> other.reserve(entry, "o2", now, now.plusSeconds(15)));
      // A liveness bound, not a speed target: the second waiting on the paused first never ends.
      assertEquals("o2", second.get(10, TimeUnit.SECONDS).orElseThrow().officerId());
      goOn.countDown();
      assertEquals(Optional.empty(), first.get(10, TimeUnit.SECONDS));

      assertEquals(OfficerStatus.READY, other.officer("o1").orElseThrow().status());
      assertEquals(OfficerStatus.RESERVED, other.officer("o2").orElseThrow().status());
      assertEquals(EntryStatus.RINGING, other.entry(entry).orElseThrow().status());
      assertEquals(1, count("SELECT COUNT(*) FROM escalation_offer"));
    } finally {
      goOn.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * The caller hangs up while an officer is being reserved for them: the end waits for the
   * reservation holding the caller's row, and must then free the officer that reservation gave the
   * caller, though the officer was not yet the caller's when the end began. Otherwise the officer
   * stays RESERVED for a caller who is gone, with no offer left to time out: the "agents stuck in
   * Reserved" failure issue 11 rules out.
   */
  @Test
  void aCallerWhoHangsUpWhileTheirOfficerIsBeingReservedLeavesTheOfficerReady() throws Exception {
    long entry = oneCallerAndReadyOperators(1);
    CountDownLatch callerHeld = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    JdbcEscalationStore reserving =
        pausingBefore("UPDATE escalation_officer SET status = 'RESERVED'", callerHeld, goOn);
    CountDownLatch endLookedForTheOfficer = new CountDownLatch(1);
    JdbcEscalationStore hangingUp =
        pausingBefore(
            "UPDATE escalation_entry SET status = 'ENDED'",
            endLookedForTheOfficer,
            new CountDownLatch(0));
    Instant now = clock.instant();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<Offer>> reservation =
          pool.submit(() -> reserving.reserve(entry, "o1", now, now.plusSeconds(15)));
      assertTrue(callerHeld.await(10, TimeUnit.SECONDS), "the reservation holds the caller");
      Future<?> hangUp =
          pool.submit(
              () -> {
                hangingUp.endEntry(entry, EntryEnd.ABANDONED, OfficerStatus.READY, now);
                return null;
              });
      assertTrue(endLookedForTheOfficer.await(10, TimeUnit.SECONDS), "the end began");
      goOn.countDown();
      assertTrue(reservation.get(10, TimeUnit.SECONDS).isPresent(), "the officer was reserved");
      hangUp.get(10, TimeUnit.SECONDS);

      assertEquals(Optional.of(EntryEnd.ABANDONED), endOf(entry));
      assertEquals(OfficerStatus.READY, hangingUp.officer("o1").orElseThrow().status());
      assertEquals(0, count("SELECT COUNT(*) FROM escalation_offer WHERE result IS NULL"));
      assertEquals(0, count("SELECT COUNT(*) FROM escalation_officer WHERE entry_id IS NOT NULL"));
    } finally {
      goOn.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void hundredsOfConcurrentReservationsReserveEachOfficerAndEachCallerOnce() throws Exception {
    EscalationSettings settings = operators(40);
    Escalations setup = node(settings, "node-1");
    setup.start();
    for (int i = 1; i <= 40; i++) {
      setup.setStatus("o" + i, OfficerStatus.READY);
    }
    List<Long> entries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      entries.add(setup.enqueue(caller("call-" + i, "fa", EscalationReason.ASKED)).id());
    }
    int threads = 8;
    int attemptsEach = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Callable<List<Offer>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        JdbcEscalationStore store = new JdbcEscalationStore(database.pooled());
        work.add(
            () -> {
              go.await();
              List<Offer> won = new ArrayList<>();
              ThreadLocalRandom random = ThreadLocalRandom.current();
              for (int a = 0; a < attemptsEach; a++) {
                long entry = entries.get(random.nextInt(entries.size()));
                String officer = "o" + (1 + random.nextInt(40));
                Instant now = clock.instant();
                // Half of them as a look reserves: the first of three officers still READY.
                (random.nextBoolean()
                        ? store.reserve(entry, officer, now, now.plusSeconds(15))
                        : store.reserveFirst(
                            entry,
                            List.of(officer, "o" + (1 + random.nextInt(40)), "o" + (1 + a % 40)),
                            now,
                            now.plusSeconds(15)))
                    .ifPresent(won::add);
              }
              return won;
            });
      }
      List<Future<List<Offer>>> results = new ArrayList<>();
      for (Callable<List<Offer>> task : work) {
        results.add(pool.submit(task));
      }
      go.countDown();
      List<Offer> offers = new ArrayList<>();
      for (Future<List<Offer>> result : results) {
        offers.addAll(result.get());
      }

      assertTrue(offers.size() > 0, "some of 400 reservations succeed");
      assertEquals(offers.size(), offers.stream().map(Offer::officerId).distinct().count());
      assertEquals(offers.size(), offers.stream().map(Offer::entryId).distinct().count());
      assertEquals(offers.size(), count("SELECT COUNT(*) FROM escalation_offer"));
      assertEquals(
          offers.size(),
          count("SELECT COUNT(*) FROM escalation_officer WHERE status = 'RESERVED'"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRestartKeepsOfficerStatesAndCallbacksAndEndsTheNodesLiveCallers() {
    assertTrue(queues.setStatus("a1", OfficerStatus.READY));
    assertTrue(queues.setStatus("f4", OfficerStatus.AWAY));
    QueuedCall holding = queues.enqueue(caller("call-1", "en", EscalationReason.LOCKED_OUT));
    QueuedCall callback = queues.enqueue(caller("call-2", "en", EscalationReason.LOCKED_OUT));
    queues.callback(callback.id(), "09121234567");

    database.restart();
    Escalations restarted =
        new Escalations(
            SampleEscalations.settings(),
            new JdbcEscalationStore(database.pooled()),
            clock,
            "node-1");
    assertEquals(new org.phonebank.escalation.NodeWatch.TakeOver(1, 0), restarted.start());

    assertEquals(OfficerStatus.READY, restarted.officer("a1").orElseThrow().status());
    assertEquals(OfficerStatus.AWAY, restarted.officer("f4").orElseThrow().status());
    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(holding.id()));
    assertInstanceOf(WaitState.Waiting.class, restarted.status(callback.id()));
    // The number is kept sealed: never in clear, in neither column.
    assertEquals(
        null, text("SELECT callback_number FROM escalation_entry WHERE id = ?", callback.id()));
    String sealed =
        text("SELECT callback_sealed FROM escalation_entry WHERE id = ?", callback.id());
    assertTrue(sealed.startsWith("v1:") && !sealed.contains("09121234567"), sealed);
  }
}
