// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryFacts;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.OfficerStatus;

/**
 * The supervisor's wallboard, computed from the queues' rows at the clock's instant. The window is
 * the last {@value #WINDOW_HOURS} hours in buckets of {@value #BUCKET_MINUTES} minutes aligned to
 * the clock (the last bucket is the running one), so the figures and the chart count the same
 * callers.
 *
 * <p>Definitions (a contact centre's usual ones, with the choices made where they differ):
 *
 * <ul>
 *   <li><b>Service level</b>: callers answered within {@code service-level-seconds} (20) of joining
 *       ÷ callers whose wait is decided: answered, abandoned, or still on hold longer than the
 *       level (already missed it). Callers still inside the level and callers waiting for a
 *       callback are left out until decided. An abandon counts against the level, however short.
 *   <li><b>Abandon rate</b>: callers who hung up before an officer answered ÷ callers offered
 *       (joined the queue in the window).
 *   <li><b>Average speed of answer</b>: joining the queue to the officer's answer, averaged over
 *       the answered callers.
 *   <li><b>Ended by the system</b>: callers whose node stopped (killed, crashed) before an officer
 *       answered, ended SYSTEM at the node's restart or by the node that took over from it; neither
 *       abandoned nor decided for the service level.
 *   <li><b>Average handling time</b>: the officer's answer to the end of the conversation, averaged
 *       over the finished conversations (the wrap-up written afterwards is not counted: the queues
 *       do not record when it was written).
 * </ul>
 *
 * Averages are rounded to whole seconds, half up; nothing to divide gives null.
 */
public final class Wallboard {

  static final int WINDOW_HOURS = 4;
  static final int BUCKET_MINUTES = 15;
  private static final Duration BUCKET = Duration.ofMinutes(BUCKET_MINUTES);
  private static final int BUCKETS = WINDOW_HOURS * 60 / BUCKET_MINUTES;

  private final WallboardFacts facts;
  private final List<String> queues;
  private final Duration serviceLevel;
  private final Clock clock;

  /**
   * @param queues the configured queues, shown in this order even when empty
   * @param serviceLevel answered within this counts as within the service level (positive)
   */
  public Wallboard(WallboardFacts facts, List<String> queues, Duration serviceLevel, Clock clock) {
    this.facts = Objects.requireNonNull(facts, "Wallboard facts are required.");
    this.queues = List.copyOf(queues);
    this.serviceLevel = Objects.requireNonNull(serviceLevel, "Service level is required.");
    if (serviceLevel.isNegative() || serviceLevel.isZero()) {
      throw new IllegalArgumentException("The service level is a positive duration.");
    }
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  /** The wallboard now: reads the rows once and computes every figure from them. */
  public WallboardView view() {
    Instant now = clock.instant();
    Instant lastBucket =
        Instant.ofEpochSecond(now.getEpochSecond() / BUCKET.toSeconds() * BUCKET.toSeconds());
    Instant from = lastBucket.minus(BUCKET.multipliedBy(BUCKETS - 1L));
    List<EntryFacts> joined = facts.joined(from, lastBucket.plus(BUCKET));
    List<InQueue> inQueue = facts.inQueue();

    TreeSet<String> extra = new TreeSet<>();
    joined.forEach(e -> extra.add(e.queue()));
    inQueue.forEach(e -> extra.add(e.queue()));
    extra.removeAll(queues);
    List<String> shown = new ArrayList<>(queues);
    shown.addAll(extra);
    List<WallboardView.QueueRow> rows = new ArrayList<>();
    for (String queue : shown) {
      rows.add(
          row(
              queue,
              joined.stream().filter(e -> e.queue().equals(queue)).toList(),
              inQueue.stream().filter(e -> e.queue().equals(queue)).toList(),
              now));
    }

    List<WallboardView.Bucket> chart = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      Instant start = from.plus(BUCKET.multipliedBy(i));
      Instant end = start.plus(BUCKET);
      WallboardView.QueueRow bucket =
          row(
              "",
              joined.stream()
                  .filter(e -> !e.enqueuedAt().isBefore(start) && e.enqueuedAt().isBefore(end))
                  .toList(),
              List.of(),
              now);
      chart.add(
          new WallboardView.Bucket(
              start,
              bucket.offered(),
              bucket.answered(),
              bucket.abandoned(),
              bucket.serviceLevel()));
    }

    List<OfficerState> officers = facts.officers();
    List<WallboardView.StateCount> byState = new ArrayList<>();
    for (OfficerStatus status : OfficerStatus.values()) {
      byState.add(
          new WallboardView.StateCount(
              status.name(), (int) officers.stream().filter(o -> o.status() == status).count()));
    }
    return new WallboardView(
        now,
        WINDOW_HOURS,
        BUCKET_MINUTES,
        serviceLevel.toSeconds(),
        rows,
        row("", joined, inQueue, now),
        byState,
        officers.stream()
            .map(o -> new WallboardView.OfficerRow(o.officerId(), o.status().name(), o.since()))
            .toList(),
        chart);
  }

  /** One queue's (or all queues') figures from the callers who joined it and those in it now. */
  private WallboardView.QueueRow row(
      String queue, List<EntryFacts> joined, List<InQueue> inQueue, Instant now) {
    int answered = 0;
    int abandoned = 0;
    int endedBySystem = 0;
    int withinLevel = 0;
    int pastLevelOnHold = 0;
    long speedMillis = 0;
    int handled = 0;
    long handlingMillis = 0;
    for (EntryFacts e : joined) {
      if (e.answeredAt().isPresent()) {
        answered++;
        Duration toAnswer = Duration.between(e.enqueuedAt(), e.answeredAt().get());
        speedMillis += toAnswer.toMillis();
        if (toAnswer.compareTo(serviceLevel) <= 0) {
          withinLevel++;
        }
        if (e.endedAt().isPresent()) {
          handled++;
          handlingMillis += Duration.between(e.answeredAt().get(), e.endedAt().get()).toMillis();
        }
      } else if (e.end().equals(Optional.of(EntryEnd.ABANDONED))) {
        abandoned++;
      } else if (e.end().equals(Optional.of(EntryEnd.SYSTEM))) {
        // Their line died with the node: not the caller's choice, so not an abandon, and their
        // wait was never decided either way.
        endedBySystem++;
      } else if (e.end().isEmpty()
          && !e.callbackRequested()
          && Duration.between(e.enqueuedAt(), now).compareTo(serviceLevel) > 0) {
        pastLevelOnHold++;
      }
    }
    int decided = answered + abandoned + pastLevelOnHold;
    int waiting = 0;
    int callbacks = 0;
    Long longest = null;
    for (InQueue caller : inQueue) {
      if (caller.callback()) {
        callbacks++;
      } else {
        waiting++;
        long waited = Math.max(0, Duration.between(caller.enqueuedAt(), now).toSeconds());
        longest = longest == null ? waited : Math.max(longest, waited);
      }
    }
    return new WallboardView.QueueRow(
        queue,
        waiting,
        longest,
        joined.size(),
        answered,
        abandoned,
        endedBySystem,
        share(withinLevel, decided),
        share(abandoned, joined.size()),
        averageSeconds(speedMillis, answered),
        averageSeconds(handlingMillis, handled),
        callbacks);
  }

  private static Double share(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Long averageSeconds(long totalMillis, int count) {
    return count == 0 ? null : Math.round(totalMillis / (double) count / 1000.0);
  }
}
