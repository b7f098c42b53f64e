// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The routing rules, with no state of their own: given the callers waiting and the officers' states
 * at one moment, which caller should ring which officer.
 *
 * <ul>
 *   <li>Callers are taken by priority (higher first), then first come, first served.
 *   <li>A caller can ring a READY officer who speaks their language and whom their queue reaches
 *       after the wait so far: a tier whose skill the officer holds at its minimum proficiency or
 *       more, opened once the caller has waited the tier's time; supervisors after the queue's
 *       supervisors' wait.
 *   <li>Of those, the longest idle officer (earliest {@link OfficerState#since}) gets the offer.
 *   <li>Officers who already missed or refused this caller are passed over while someone else can
 *       help, so a ring-no-answer or a refusal moves the caller to the next capable officer at
 *       once.
 * </ul>
 *
 * The same rules as mod_callcenter's default {@code longest-idle-agent} strategy with tiers
 * (FreeSWITCH {@code src/mod/applications/mod_callcenter/mod_callcenter.c}), with the wait-based
 * widening a bank's contact centre asks for added.
 */
public final class Router {

  /** Callers in the order they are served. */
  public static final Comparator<QueuedCall> SERVICE_ORDER =
      Comparator.comparingInt(QueuedCall::priority)
          .reversed()
          .thenComparing(QueuedCall::enqueuedAt)
          .thenComparingLong(QueuedCall::id);

  private static final Comparator<OfficerState> LONGEST_IDLE =
      Comparator.comparing(OfficerState::since).thenComparing(OfficerState::officerId);

  private final Map<String, OfficerProfile> profiles = new HashMap<>();
  private final Map<String, QueueDefinition> queues = new HashMap<>();

  public Router(EscalationSettings settings) {
    Objects.requireNonNull(settings, "Escalation settings are required.");
    settings.officers().forEach(officer -> profiles.put(officer.id(), officer));
    settings.queues().forEach(queue -> queues.put(queue.name(), queue));
  }

  /** One caller to ring one officer. */
  public record Match(long entryId, String officerId) {}

  /**
   * The offers to make now, callers in service order, each officer at most once. Callers for whom
   * no officer is free are left waiting; callers not WAITING are ignored.
   */
  public List<Match> plan(List<QueuedCall> callers, List<OfficerState> officers, Instant now) {
    List<OfficerState> free = new ArrayList<>();
    for (OfficerState officer : officers) {
      if (officer.status() == OfficerStatus.READY && profiles.containsKey(officer.officerId())) {
        free.add(officer);
      }
    }
    free.sort(LONGEST_IDLE);
    List<QueuedCall> waiting = new ArrayList<>();
    for (QueuedCall caller : callers) {
      if (caller.status() == EntryStatus.WAITING) {
        waiting.add(caller);
      }
    }
    waiting.sort(SERVICE_ORDER);
    Set<String> taken = new HashSet<>();
    List<Match> matches = new ArrayList<>();
    for (QueuedCall caller : waiting) {
      if (taken.size() == free.size()) {
        break;
      }
      OfficerState chosen = choose(caller, free, taken, now);
      if (chosen != null) {
        taken.add(chosen.officerId());
        matches.add(new Match(caller.id(), chosen.officerId()));
      }
    }
    return matches;
  }

  /** Whether {@code officer} can serve {@code caller} after the wait so far. */
  public boolean canServe(OfficerProfile officer, QueuedCall caller, Instant now) {
    QueueDefinition queue = queues.get(caller.queue());
    return queue != null
        && officer.speaks(caller.language())
        && queue.reaches(officer, Duration.between(caller.enqueuedAt(), now));
  }

  /**
   * The officers of {@code free} that {@code caller} may ring now, in the order {@link #plan} picks
   * them: longest idle first, those who already missed or refused this caller after everyone else.
   * Given the officers the callers ahead left free, the first is the caller's match; the others are
   * who the caller rings instead, in turn, should another node reserve that one first.
   */
  public List<String> pickOrder(QueuedCall caller, List<OfficerState> free, Instant now) {
    List<OfficerState> ready = new ArrayList<>();
    for (OfficerState officer : free) {
      OfficerProfile profile = profiles.get(officer.officerId());
      if (officer.status() == OfficerStatus.READY
          && profile != null
          && canServe(profile, caller, now)) {
        ready.add(officer);
      }
    }
    ready.sort(LONGEST_IDLE);
    List<String> order = new ArrayList<>();
    List<String> triedAlready = new ArrayList<>();
    for (OfficerState officer : ready) {
      (caller.tried().contains(officer.officerId()) ? triedAlready : order)
          .add(officer.officerId());
    }
    order.addAll(triedAlready);
    return order;
  }

  private OfficerState choose(
      QueuedCall caller, List<OfficerState> free, Set<String> taken, Instant now) {
    OfficerState firstTried = null;
    for (OfficerState officer : free) {
      if (taken.contains(officer.officerId())
          || !canServe(profiles.get(officer.officerId()), caller, now)) {
        continue;
      }
      if (!caller.tried().contains(officer.officerId())) {
        return officer;
      }
      if (firstTried == null) {
        firstTried = officer;
      }
    }
    // Everyone who can help has been tried: ring them again rather than let the caller wait on.
    return firstTried;
  }
}
