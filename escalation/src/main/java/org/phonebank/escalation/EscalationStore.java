// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The caller's place, 1 being next: 1 + the WAITING callers ahead of them in {@link
   * Router#SERVICE_ORDER} who are in the same queue or of a higher priority (any queue). A store
   * with a long queue should count without reading the callers.
   */
  default int position(QueuedCall caller) {
    int position = 1;
    for (QueuedCall other : waiting()) {
      if (other.id() != caller.id()
          && Router.SERVICE_ORDER.compare(other, caller) < 0
          && (other.queue().equals(caller.queue()) || other.priority() > caller.priority())) {
        position++;
      }
    }
    return position;
  }

  /**
   * The start of a caller's look, read together: {@link #overdue}, {@link #entry} and {@link
   * #readyOfficers}, and the first {@link Look#HEAD} callers of {@link #waitingInServiceOrder} as
   * {@link Look#head}. A store over a database should read them in one round trip, or leave the
   * head out where a separate read costs no round trip.
   */
  default Look look(long entryId, Instant now) {
    return new Look(
        overdue(now),
        entry(entryId),
        readyOfficers(),
        Optional.of(waitingInServiceOrder(null, Look.HEAD, now)));
  }

  /**
   * What a waiting caller's estimate reads on every look, read together: {@link #position}, and how
   * many of {@code capable} (the officers who could serve the caller's queue in their language) are
   * at work (READY, RESERVED or BUSY). The queue's handling times change slowly and are read apart
   * ({@link #averageHandling}). A store over a database should read both in one round trip.
   */
  default WaitFacts waitFacts(QueuedCall caller, Set<String> capable) {
    int atWork = 0;
    for (OfficerState officer : officers()) {
      if (capable.contains(officer.officerId())
          && (officer.status() == OfficerStatus.READY
              || officer.status() == OfficerStatus.RESERVED
              || officer.status() == OfficerStatus.BUSY)) {
        atWork++;
      }
    }
    return new WaitFacts(position(caller), atWork);
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

  /**
   * {@link #reserve} for the first of {@code officerIds}, in that order, who is still READY, as one
   * unit of work where the store can: a caller whose chosen officer another node reserved a moment
   * ago rings the next one in pick order instead of waiting for their next look. Empty (nothing
   * changed) when none is READY or the caller no longer waits.
   */
  default Optional<Offer> reserveFirst(
      long entryId, List<String> officerIds, Instant now, Instant deadline) {
    for (String officerId : officerIds) {
      Optional<Offer> offer = reserve(entryId, officerId, now, deadline);
      if (offer.isPresent()) {
        return offer;
      }
    }
    return Optional.empty();
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
   * two nodes ending the same offer is harmless; returns whether this call ended it. NOT_REACHED is
   * not ended here but by {@link #callbackNotReached}.
   */
  boolean endOffer(long offerId, OfferResult result, int missesBeforeAway, Instant now);

  /**
   * Ends an offer found in {@link #overdue} as NO_ANSWER, as {@link #endOffer} does, but only while
   * its deadline is still before {@code now}: a callback's claim moves the deadline on when its
   * dialler starts the call, and an offer claimed since it was read is ringing, not overdue (ended,
   * its officer was freed and its caller queued again while the customer's phone rang). Returns
   * whether this call ended it.
   */
  boolean expireOffer(long offerId, int missesBeforeAway, Instant now);

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
  void callbackRequested(long entryId, SealedNumber number, Instant now);

  /**
   * As {@link #waitingInServiceOrder(QueuedCall, int)}, leaving out callbacks whose next attempt is
   * not due before {@code now} (the spacing after a call that did not reach the customer); they
   * keep their place for when it is.
   */
  List<QueuedCall> waitingInServiceOrder(QueuedCall after, int limit, Instant now);

  /**
   * As {@link #waitingInServiceOrder(QueuedCall, int, Instant)}, reading only the callers ahead of
   * {@code caller} (strictly before them in {@link Router#SERVICE_ORDER}): a caller's look plans
   * over these, whose matches decide the caller's, and needs nobody behind.
   */
  List<QueuedCall> waitingAhead(QueuedCall after, QueuedCall caller, int limit, Instant now);

  /**
   * As {@link #waitingAhead(QueuedCall, QueuedCall, int, Instant)}, reading only the callers {@code
   * only} admits ({@link CallerFilter#admits}): a look reads only the callers ahead who could take
   * one of the officers free, so a page is not filled with callers who change nothing.
   */
  List<QueuedCall> waitingAhead(
      QueuedCall after, QueuedCall caller, int limit, Instant now, CallerFilter only);

  /**
   * Offers still ringing for callers waiting to be called back that no node has claimed yet (the
   * officer is reserved, nobody is placing the call), oldest first.
   */
  List<Offer> unclaimedCallbacks();

  /**
   * Claims the call of a callback offer for {@code nodeId}, atomically: records the next attempt
   * and moves the offer's deadline to {@code deadline} (the customer's ring time and then the
   * officer's). Empty if another node claimed it first or the offer no longer rings.
   */
  Optional<CallbackClaim> claimCallback(long offerId, String nodeId, Instant now, Instant deadline);

  /**
   * The customer was not reached ({@code cause}: FreeSWITCH's hang-up cause, e.g. NO_ANSWER). The
   * offer ends NOT_REACHED and the officer is READY again without a miss; the caller waits again,
   * keeping their place, with the next attempt due at {@code retryAt}, or, when it is null, is
   * ended CALLBACK_FAILED. The attempt records the cause.
   */
  void callbackNotReached(CallbackClaim claim, String cause, Instant retryAt, Instant now);

  /** Records how a callback attempt ended, e.g. ANSWERED or OFFICER_NO_ANSWER. */
  void callbackAttemptEnded(long entryId, int attemptNo, String result, Instant now);

  /**
   * Ends as CALLBACK_EXPIRED every caller still WAITING to be called back who asked before {@code
   * requestedBefore}. Returns how many.
   */
  int expireCallbacks(Instant requestedBefore, Instant now);

  /**
   * Ends as CALLBACK_CANCELLED every caller WAITING to be called back at the number whose digest is
   * {@code digest} (they called again). Returns how many.
   */
  int cancelCallbacks(String digest, Instant now);

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

  /**
   * Node {@code nodeId}, started at {@code started}, is alive at {@code now}: its row's last beat
   * is moved to {@code now} (true), or written afresh when there is none (false: the node's first
   * beat, or another node declared it dead and forgot it).
   */
  boolean beat(String nodeId, Instant started, Instant now);

  /**
   * Every node's last beat, as the node wrote it on its own clock: a watcher judges only whether it
   * changes, so nodes whose clocks differ cannot make each other look dead.
   */
  java.util.Map<String, Instant> lastBeats();

  /**
   * The callback calls node {@code nodeId} claimed and has not finished (their attempt has no
   * result yet), oldest first.
   */
  List<CallbackClaim> callbackCallsOf(String nodeId);

  /**
   * Removes node {@code nodeId}'s row if its last beat is still {@code lastBeat}: once its callers
   * are ended, a dead node is forgotten. False if it beat again meanwhile (or is forgotten
   * already).
   */
  boolean forget(String nodeId, Instant lastBeat);

  /** The facts of every entry that joined a queue in {@code [from, to)}, for the figures. */
  List<EntryFacts> entryFacts(Instant from, Instant to);

  /** Every offer made in {@code [from, to)}, for the figures. */
  List<OfferFacts> offerFacts(Instant from, Instant to);

  /**
   * An officer's transfer, atomically: officer {@code officerId}, BUSY with the caller of {@code
   * entryId} (CONNECTED), goes WRAP_UP; the caller waits again (WAITING) in {@code toQueue},
   * keeping their priority, their arrival time and their first answer time; with {@code toOfficer}
   * (not null) the caller instead rings that officer, who must be READY, with an offer ringing
   * until {@code deadline}. The transfer is recorded with the offer the officer had answered.
   * Refused, nothing changed: NOT_YOUR_CALLER when the officer is not talking to that caller (any
   * more), OFFICER_NOT_READY when the named officer is not READY.
   */
  TransferOutcome transfer(
      long entryId,
      String officerId,
      String toQueue,
      String toOfficer,
      Instant now,
      Instant deadline);

  /** The transfers of the caller of {@code entryId}, oldest first. */
  List<Transfer> transfers(long entryId);
}
