// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard;

import java.time.Instant;
import java.util.List;

/**
 * The wallboard as the page receives it (JSON). Figures of a period count the callers who joined a
 * queue in the window ({@code windowHours} up to {@code at}); "now" figures count the callers in a
 * queue at {@code at}, whenever they joined. Durations are whole seconds; a figure with nothing to
 * divide by is null (the page shows a dash), never zero.
 *
 * @param allQueues the same figures over every queue together (queue {@code ""})
 * @param officersByState every officer state with how many officers are in it, zeros included
 * @param chart the window in buckets of {@code bucketMinutes}, oldest first, the last one running
 */
public record WallboardView(
    Instant at,
    int windowHours,
    int bucketMinutes,
    long serviceLevelSeconds,
    List<QueueRow> queues,
    QueueRow allQueues,
    List<StateCount> officersByState,
    List<OfficerRow> officers,
    List<Bucket> chart) {

  public WallboardView {
    queues = List.copyOf(queues);
    officersByState = List.copyOf(officersByState);
    officers = List.copyOf(officers);
    chart = List.copyOf(chart);
  }

  /**
   * One queue's figures.
   *
   * @param waiting callers on hold now (callers waiting for a callback are not on the line)
   * @param longestWaitSeconds the longest of their waits so far; null when no one is on hold
   * @param offered callers who joined in the window
   * @param answered of those, answered by an officer
   * @param abandoned of those, hung up before an officer answered
   * @param endedBySystem of those, ended by the system before an officer answered: the phone-bank
   *     node holding their line stopped (killed, crashed); neither abandoned nor answered
   * @param serviceLevel answered within the service level ÷ callers whose wait is decided:
   *     answered, abandoned, or still on hold past the service level (0..1)
   * @param abandonRate abandoned ÷ offered (0..1)
   * @param averageSpeedOfAnswerSeconds joining to answer, averaged over answered callers
   * @param averageHandlingSeconds answer to end of the conversation, averaged over finished ones
   * @param callbacksWaiting callers who asked for a callback and have not been called back yet
   */
  public record QueueRow(
      String queue,
      int waiting,
      Long longestWaitSeconds,
      int offered,
      int answered,
      int abandoned,
      int endedBySystem,
      Double serviceLevel,
      Double abandonRate,
      Long averageSpeedOfAnswerSeconds,
      Long averageHandlingSeconds,
      int callbacksWaiting) {}

  /** How many officers are in one state (LOGGED_OUT, READY, RESERVED, BUSY, AWAY, WRAP_UP). */
  public record StateCount(String state, int officers) {}

  /** One officer's state and since when. */
  public record OfficerRow(String officer, String state, Instant since) {}

  /** The callers who joined in {@code [from, from + bucket)}, and the service level they got. */
  public record Bucket(
      Instant from, int offered, int answered, int abandoned, Double serviceLevel) {}
}
