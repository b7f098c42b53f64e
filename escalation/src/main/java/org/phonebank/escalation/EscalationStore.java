// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The shared state of the officers' queues: callers, officers' states, and every offer and its
 * result, as several phone-bank nodes see them. Implementations make {@link #reserve} atomic: of
 * any number of nodes reserving at once, one officer is reserved for at most one caller and one
 * caller rings at most one officer.
 */
public interface EscalationStore {

  /**
   * Makes {@code officerIds} known, LOGGED_OUT; officers already known keep their state, so a
   * restart keeps them as they were.
   */
  void enrol(Collection<String> officerIds, Instant now);

  /** Puts a caller in {@code queue}, WAITING, on behalf of node {@code nodeId}. */
  QueuedCall enqueue(Escalation escalation, QueueDefinition queue, String nodeId, Instant now);

  /** Every WAITING caller, in no particular order. */
  List<QueuedCall> waiting();

  List<OfficerState> officers();

  /**
   * The READY officers, in no particular order. A routing round needs only these; a store with many
   * officers should answer without reading the others.
   */
  default List<OfficerState> readyOfficers() {
    return officers().stream().filter(o -> o.status() == OfficerStatus.READY).toList();
  }

  /**
   * Up to {@code limit} WAITING callers in {@link Router#SERVICE_ORDER}, starting after {@code
   * after} (exclusive; null for the head of the queue), each with the officers they already tried.
   * A routing round reads the queue page by page and stops once every free officer is matched, so
   * its cost follows the officers it can place, not the length of the queue.
   */
  default List<QueuedCall> waitingInServiceOrder(QueuedCall after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A page holds at least one caller: " + limit);
    }
    return waiting().stream()
        .sorted(Router.SERVICE_ORDER)
        .filter(c -> after == null || Router.SERVICE_ORDER.compare(c, after) > 0)
        .limit(limit)
        .toList();
  }

  Optional<OfficerState> officer(String officerId);

  Optional<QueuedCall> entry(long entryId);

  /**
   * Atomically: the officer READY and the caller WAITING become RESERVED and RINGING, and an offer
   * ringing until {@code deadline} is recorded. Empty (and nothing changed) if either was taken
   * meanwhile.
   */
  Optional<Offer> reserve(long entryId, String officerId, Instant now, Instant deadline);

  /**
   * {@link #reserve} for each of {@code matches}, as one unit of work where the store can: the
   * offers made, in the order of {@code matches}; a match whose officer or caller was taken
   * meanwhile is skipped and does not undo the others.
   */
  default List<Offer> reserveAll(List<Router.Match> matches, Instant now, Instant deadline) {
    return matches.stream()
        .map(match -> reserve(match.entryId(), match.officerId(), now, deadline))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The offer still ringing for this caller, if any. */
  Optional<Offer> ringing(long entryId);

  /** Offers still ringing past their deadline, oldest first. */
  List<Offer> overdue(Instant now);

  /**
   * Ends a ringing offer. ANSWERED: officer BUSY, caller CONNECTED, the officer's misses reset.
   * NO_ANSWER and FAILED count a miss: the officer becomes READY again (idle from now), or AWAY at
   * {@code missesBeforeAway} misses in a row. REFUSED: READY again without a miss. For all three
   * the caller is WAITING again with the officer in {@link QueuedCall#tried}. CALLER_LEFT: the
   * officer is READY again, the caller ended as ABANDONED. An offer already ended is left alone, so
   * two nodes ending the same offer is harmless; returns whether this call ended it.
   */
  boolean endOffer(long offerId, OfferResult result, int missesBeforeAway, Instant now);

  /**
   * Ends the caller's entry however it stands; an officer reserved for them becomes READY (idle
   * from now), one talking to them (BUSY) becomes {@code afterCall}: READY, or WRAP_UP while they
   * write the call up. Ending an ended entry is a no-op.
   *
   * @param afterCall READY or WRAP_UP
   */
  void endEntry(long entryId, EntryEnd how, OfficerStatus afterCall, Instant now);

  /**
   * An officer's own change: READY, AWAY, WRAP_UP or LOGGED_OUT. Refused (false) while the officer
   * is RESERVED or BUSY, whose state the calls drive.
   */
  boolean setStatus(String officerId, OfficerStatus status, Instant now);

  /** The caller asked to be called back at {@code number}; they keep their place. */
  void callbackRequested(long entryId, String number, Instant now);

  /**
   * Average handling time (answer to end) of the last {@code lastCalls} completed calls of {@code
   * queue}; empty before any.
   */
  Optional<Duration> averageHandling(String queue, int lastCalls);

  /**
   * Ends as SYSTEM every entry of {@code nodeId} with a live caller (not a callback): the node
   * stopped and its lines with it. Returns how many.
   */
  int endOrphans(String nodeId, Instant now);

  /** The facts of every entry that joined a queue in {@code [from, to)}, for the figures. */
  List<EntryFacts> entryFacts(Instant from, Instant to);

  /** Every offer made in {@code [from, to)}, for the figures. */
  List<OfferFacts> offerFacts(Instant from, Instant to);
}
