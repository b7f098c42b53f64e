// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryFacts;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.OfficerStatus;

/**
 * The wallboard's figures on a scripted morning, every expected value worked by hand in the
 * comments. Service level 20 s; the clock reads 10:07:30, so the window's buckets run from 06:15 to
 * the running one at 10:00.
 */
class WallboardTest {

  private static final Duration LEVEL = Duration.ofSeconds(20);

  private final ScriptedClock clock = new ScriptedClock(at("10:07:30"));
  private final ScriptedFacts facts = new ScriptedFacts();
  private final Wallboard wallboard =
      new Wallboard(facts, List.of("general", "transfers", "cards"), LEVEL, clock);

  /** The transfers queue's morning, and one card caller at nine. */
  private void scriptedMorning() {
    // A: 10 s to answer (within 20 s), talked 180 s.
    facts.answered("transfers", "10:00:00", "10:00:10", "10:03:10");
    // B: 30 s to answer (missed the level), talked 60 s.
    facts.answered("transfers", "10:01:00", "10:01:30", "10:02:30");
    // C: hung up after 45 s on hold.
    facts.abandoned("transfers", "10:02:00", "10:02:45");
    // D: on hold for 10 s so far: inside the level, not decided yet.
    facts.onHold("transfers", "10:07:20");
    // E: on hold for 150 s: already missed the level.
    facts.onHold("transfers", "10:05:00");
    // F: asked for a callback: not on the line, not decided.
    facts.callback("transfers", "10:03:00");
    // G: exactly 20 s to answer (within), still talking: no handling time yet.
    facts.answered("transfers", "10:04:00", "10:04:20", null);
    // H: cards, 5 s to answer, talked 60 s.
    facts.answered("cards", "09:00:00", "09:00:05", "09:01:05");
    // Before the window (06:15): not counted.
    facts.answered("cards", "06:00:00", "06:10:00", "06:20:00");
  }

  @Test
  void serviceLevelIsTheShareAnsweredWithinTwentySecondsOfTheCallersWhoseWaitIsDecided() {
    scriptedMorning();
    WallboardView.QueueRow transfers = queue(wallboard.view(), "transfers");
    // Within: A (10 s), G (20 s) = 2. Decided: answered A, B, G + abandoned C + E on hold 150 s =
    // 5.
    assertEquals(0.4, transfers.serviceLevel(), 1e-9);
    assertEquals(3, transfers.answered());
  }

  @Test
  void aCallerOnHoldCountsAgainstTheServiceLevelOnceTheirWaitPassesIt() {
    scriptedMorning();
    // 10:07:45: D has waited 25 s, so 6 are decided, still 2 within.
    clock.set(at("10:07:45"));
    WallboardView.QueueRow transfers = queue(wallboard.view(), "transfers");
    assertEquals(2.0 / 6, transfers.serviceLevel(), 1e-9);
    // E has waited 165 s by now, the longest; D 25 s.
    assertEquals(165L, transfers.longestWaitSeconds());
  }

  @Test
  void abandonRateIsAbandonedOverEveryCallerOffered() {
    scriptedMorning();
    WallboardView view = wallboard.view();
    // Transfers: C of A..G = 1 / 7.
    assertEquals(1.0 / 7, queue(view, "transfers").abandonRate(), 1e-9);
    assertEquals(7, queue(view, "transfers").offered());
    assertEquals(1, queue(view, "transfers").abandoned());
    // Cards: H only (the 06:00 caller is before the window): 0 / 1.
    assertEquals(0.0, queue(view, "cards").abandonRate(), 1e-9);
  }

  @Test
  void aCallerWhoseNodeStoppedIsEndedBySystemNeitherAbandonedNorDecided() {
    scriptedMorning();
    // I: on hold from 10:06:00 when the node holding her line was killed; its restart ended her.
    facts.endedBySystem("transfers", "10:06:00", "10:06:40");
    WallboardView view = wallboard.view();
    WallboardView.QueueRow transfers = queue(view, "transfers");
    assertEquals(1, transfers.endedBySystem());
    assertEquals(8, transfers.offered());
    assertEquals(1, transfers.abandoned(), "C only");
    assertEquals(1.0 / 8, transfers.abandonRate(), 1e-9);
    // Still 2 within of the 5 decided (A, B, G, C, E): I's wait was never decided.
    assertEquals(0.4, transfers.serviceLevel(), 1e-9);
    assertEquals(2, transfers.waiting(), "D and E: I is on hold no more");
    assertEquals(1, view.allQueues().endedBySystem());
    assertEquals(0, queue(view, "cards").endedBySystem());
  }

  @Test
  void averageSpeedOfAnswerAndHandlingTimeAreAveragedInWholeSeconds() {
    scriptedMorning();
    WallboardView view = wallboard.view();
    // Transfers: ASA (10 + 30 + 20) / 3 = 20 s; AHT over the finished A and B: (180 + 60) / 2 = 120
    // s.
    assertEquals(20L, queue(view, "transfers").averageSpeedOfAnswerSeconds());
    assertEquals(120L, queue(view, "transfers").averageHandlingSeconds());
    // All queues: ASA (10 + 30 + 20 + 5) / 4 = 16.25 -> 16 s; AHT (180 + 60 + 60) / 3 = 100 s;
    // service level 3 within (A, G, H) of 6 decided = 0.5; abandon rate 1 / 8.
    assertEquals(16L, view.allQueues().averageSpeedOfAnswerSeconds());
    assertEquals(100L, view.allQueues().averageHandlingSeconds());
    assertEquals(0.5, view.allQueues().serviceLevel(), 1e-9);
    assertEquals(0.125, view.allQueues().abandonRate(), 1e-9);
  }

  @Test
  void callersInTheQueueNowAreWaitingOrWaitingForACallback() {
    scriptedMorning();
    WallboardView.QueueRow transfers = queue(wallboard.view(), "transfers");
    // On hold: D (10 s) and E (150 s); F waits for a callback.
    assertEquals(2, transfers.waiting());
    assertEquals(150L, transfers.longestWaitSeconds());
    assertEquals(1, transfers.callbacksWaiting());
  }

  @Test
  void aQueueWithNoCallersShowsNoFiguresRatherThanZeroes() {
    scriptedMorning();
    WallboardView view = wallboard.view();
    WallboardView.QueueRow general = queue(view, "general");
    assertEquals(0, general.offered());
    assertNull(general.serviceLevel());
    assertNull(general.abandonRate());
    assertNull(general.averageSpeedOfAnswerSeconds());
    assertNull(general.averageHandlingSeconds());
    assertNull(general.longestWaitSeconds());
    assertEquals(List.of("general", "transfers", "cards"), names(view), "the configured order");
  }

  @Test
  void theChartCountsTheCallersOfEachQuarterHourOfTheLastFourHours() {
    scriptedMorning();
    List<WallboardView.Bucket> chart = wallboard.view().chart();
    assertEquals(16, chart.size());
    assertEquals(at("06:15:00"), chart.get(0).from());
    // 09:00 is bucket (09:00 - 06:15) / 15 min = 11: H, answered within.
    assertEquals(at("09:00:00"), chart.get(11).from());
    assertEquals(1, chart.get(11).offered());
    assertEquals(1.0, chart.get(11).serviceLevel(), 1e-9);
    // The running bucket from 10:00: A..G.
    assertEquals(7, chart.get(15).offered());
    assertEquals(3, chart.get(15).answered());
    assertEquals(1, chart.get(15).abandoned());
    assertEquals(0.4, chart.get(15).serviceLevel(), 1e-9);
    assertEquals(0, chart.get(14).offered());
    assertNull(chart.get(14).serviceLevel());
  }

  @Test
  void officersAreCountedByEveryStateZeroesIncluded() {
    facts.officers.add(officer("o1", OfficerStatus.READY));
    facts.officers.add(officer("o2", OfficerStatus.BUSY));
    facts.officers.add(officer("o3", OfficerStatus.BUSY));
    WallboardView view = wallboard.view();
    assertEquals(
        List.of(
            new WallboardView.StateCount("LOGGED_OUT", 0),
            new WallboardView.StateCount("READY", 1),
            new WallboardView.StateCount("RESERVED", 0),
            new WallboardView.StateCount("BUSY", 2),
            new WallboardView.StateCount("AWAY", 0),
            new WallboardView.StateCount("WRAP_UP", 0)),
        view.officersByState());
    assertEquals(3, view.officers().size());
  }

  private static OfficerState officer(String id, OfficerStatus status) {
    return new OfficerState(id, status, at("09:30:00"), 0, 0);
  }

  private static WallboardView.QueueRow queue(WallboardView view, String name) {
    return view.queues().stream().filter(q -> q.queue().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(WallboardView view) {
    return view.queues().stream().map(WallboardView.QueueRow::queue).toList();
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-30T" + time + "Z");
  }

  /** The rows a morning leaves, filtered by join time as the database's query does. */
  private static final class ScriptedFacts implements WallboardFacts {
    final List<EntryFacts> entries = new ArrayList<>();
    final List<InQueue> queued = new ArrayList<>();
    final List<OfficerState> officers = new ArrayList<>();

    void answered(String queue, String joined, String answered, String ended) {
      entries.add(
          new EntryFacts(
              queue,
              at(joined),
              Optional.of(at(answered)),
              Optional.ofNullable(ended).map(WallboardTest::at),
              Optional.ofNullable(ended).map(e -> EntryEnd.COMPLETED),
              false,
              Optional.of("o1")));
    }

    void abandoned(String queue, String joined, String ended) {
      endedUnanswered(queue, joined, ended, EntryEnd.ABANDONED);
    }

    void endedBySystem(String queue, String joined, String ended) {
      endedUnanswered(queue, joined, ended, EntryEnd.SYSTEM);
    }

    private void endedUnanswered(String queue, String joined, String ended, EntryEnd how) {
      entries.add(
          new EntryFacts(
              queue,
              at(joined),
              Optional.empty(),
              Optional.of(at(ended)),
              Optional.of(how),
              false,
              Optional.empty()));
    }

    void onHold(String queue, String joined) {
      entries.add(waitingEntry(queue, joined, false));
      queued.add(new InQueue(queue, at(joined), false));
    }

    void callback(String queue, String joined) {
      entries.add(waitingEntry(queue, joined, true));
      queued.add(new InQueue(queue, at(joined), true));
    }

    private static EntryFacts waitingEntry(String queue, String joined, boolean callback) {
      return new EntryFacts(
          queue,
          at(joined),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          callback,
          Optional.empty());
    }

    @Override
    public List<EntryFacts> joined(Instant from, Instant to) {
      return entries.stream()
          .filter(e -> !e.enqueuedAt().isBefore(from) && e.enqueuedAt().isBefore(to))
          .toList();
    }

    @Override
    public List<InQueue> inQueue() {
      return List.copyOf(queued);
    }

    @Override
    public List<OfficerState> officers() {
      return List.copyOf(officers);
    }
  }

  /** A clock the test moves. */
  private static final class ScriptedClock extends Clock {
    private Instant now;

    ScriptedClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
