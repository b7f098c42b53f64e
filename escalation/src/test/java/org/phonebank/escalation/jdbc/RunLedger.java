// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.phonebank.escalation.Offer;

/**
 * What a benchmark run did, counted as it went, and the check that fails the run when the rows
 * disagree: no caller offered an officer twice, every offer answered, and the entries and officers
 * in the states those counts leave them in. In the benchmark no officer refuses or misses a ring,
 * so each caller gets exactly one offer or none.
 */
final class RunLedger {

  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong offers = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final Set<Long> matched = ConcurrentHashMap.newKeySet();

  void enqueued() {
    enqueued.incrementAndGet();
  }

  /** A caller given an officer; fails if this caller was given one before in the run. */
  void offered(Offer offer) {
    if (!matched.add(offer.entryId())) {
      throw new IllegalStateException(
          "Caller " + offer.entryId() + " was given an officer twice (" + offer + ").");
    }
    offers.incrementAndGet();
  }

  void ended() {
    ended.incrementAndGet();
  }

  long offers() {
    return offers.get();
  }

  /**
   * Fails the run unless the database holds what the counts say: one offer per matched caller, each
   * answered; callers waiting = joined − offered; talking = offered − ended; ended as counted; one
   * BUSY officer per caller talking, none RESERVED, the rest READY.
   */
  void check(DataSource pool, int officers) {
    long talking = offers.get() - ended.get();
    List<String> wrong = new ArrayList<>();
    expect(wrong, pool, "offers", offers.get(), "SELECT COUNT(*) FROM escalation_offer");
    expect(
        wrong,
        pool,
        "offers answered",
        offers.get(),
        "SELECT COUNT(*) FROM escalation_offer WHERE result = 'ANSWERED'");
    expect(
        wrong,
        pool,
        "callers with more than one offer",
        0,
        "SELECT COUNT(*) FROM (SELECT entry_id FROM escalation_offer GROUP BY entry_id"
            + " HAVING COUNT(*) > 1) twice");
    expect(
        wrong,
        pool,
        "callers waiting",
        enqueued.get() - offers.get(),
        "SELECT COUNT(*) FROM escalation_entry WHERE status = 'WAITING'");
    expect(
        wrong,
        pool,
        "callers talking",
        talking,
        "SELECT COUNT(*) FROM escalation_entry WHERE status = 'CONNECTED'");
    expect(
        wrong,
        pool,
        "callers ended",
        ended.get(),
        "SELECT COUNT(*) FROM escalation_entry WHERE status = 'ENDED'");
    expect(
        wrong,
        pool,
        "officers busy",
        talking,
        "SELECT COUNT(*) FROM escalation_officer WHERE status = 'BUSY'");
    expect(
        wrong,
        pool,
        "officers ready",
        officers - talking,
        "SELECT COUNT(*) FROM escalation_officer WHERE status = 'READY'");
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("The run's rows do not add up: " + wrong);
    }
  }

  private static void expect(
      List<String> wrong, DataSource pool, String what, long expected, String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      long found = rows.getLong(1);
      if (found != expected) {
        wrong.add(what + " " + found + ", expected " + expected);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
