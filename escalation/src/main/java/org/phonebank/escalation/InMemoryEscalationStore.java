// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queues' state in one JVM, every method under one lock: for a single node, and the reference
 * the JDBC store is tested against.
 */
public final class InMemoryEscalationStore implements EscalationStore {

  private final Map<String, OfficerState> officers = new LinkedHashMap<>();
  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  private final Map<Long, OfferRow> offers = new HashMap<>();
  private long nextEntry = 1;
  private long nextOffer = 1;

  private static final class Entry {
    QueuedCall call;
    final String nodeId;
    Instant answeredAt;
    Instant endedAt;
    EntryEnd end;
    SealedNumber callback;
    Instant callbackRequestedAt;
    Instant callbackDue;
    int callbackAttempts;

    Entry(QueuedCall call, String nodeId) {
      this.call = call;
      this.nodeId = nodeId;
    }
  }

  private record OfferRow(Offer offer, OfferResult result) {}

  private record Attempt(long entryId, int attemptNo, long offerId, String nodeId, String result) {}

  /** Each node's start and last beat. */
  private record Node(Instant started, Instant lastBeat) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();

  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();

  @Override
  public synchronized void enrol(Collection<String> officerIds, Instant now) {
    for (String id : officerIds) {
      officers.putIfAbsent(id, new OfficerState(id, OfficerStatus.LOGGED_OUT, now, 0, 0));
    }
  }

  @Override
  public synchronized QueuedCall enqueue(
      Escalation escalation, QueueDefinition queue, String nodeId, Instant now) {
    QueuedCall call =
        new QueuedCall(
            nextEntry++,
            escalation.callId(),
            queue.name(),
            queue.priority(),
            escalation.language(),
            now,
            EntryStatus.WAITING,
            Set.of(),
            Optional.empty());
    entries.put(call.id(), new Entry(call, nodeId));
    return call;
  }

  @Override
  public synchronized List<QueuedCall> waiting() {
    return entries.values().stream()
        .map(entry -> entry.call)
        .filter(call -> call.status() == EntryStatus.WAITING)
        .toList();
  }

  @Override
  public synchronized List<OfficerState> officers() {
    return List.copyOf(officers.values());
  }

  @Override
  public synchronized Optional<OfficerState> officer(String officerId) {
    return Optional.ofNullable(officers.get(officerId));
  }

  @Override
  public synchronized Optional<QueuedCall> entry(long entryId) {
    return Optional.ofNullable(entries.get(entryId)).map(entry -> entry.call);
  }

  @Override
  public synchronized Optional<Offer> reserve(
      long entryId, String officerId, Instant now, Instant deadline) {
    Entry entry = entries.get(entryId);
    OfficerState officer = officers.get(officerId);
    if (entry == null
        || officer == null
        || entry.call.status() != EntryStatus.WAITING
        || officer.status() != OfficerStatus.READY) {
      return Optional.empty();
    }
    Offer offer = new Offer(nextOffer++, entryId, officerId, now, deadline);
    offers.put(offer.id(), new OfferRow(offer, null));
    officers.put(
        officerId,
        new OfficerState(officerId, OfficerStatus.RESERVED, now, officer.missesInRow(), entryId));
    entry.call = entry.call.with(EntryStatus.RINGING, entry.call.tried());
    return Optional.of(offer);
  }

  @Override
  public synchronized Optional<Offer> ringing(long entryId) {
    return offers.values().stream()
        .filter(row -> row.result() == null && row.offer().entryId() == entryId)
        .map(OfferRow::offer)
        .findFirst();
  }

  @Override
  public synchronized List<Offer> overdue(Instant now) {
    return offers.values().stream()
        .filter(row -> row.result() == null && row.offer().deadline().isBefore(now))
        .map(OfferRow::offer)
        .sorted(Comparator.comparing(Offer::deadline))
        .toList();
  }

  @Override
  public synchronized boolean endOffer(
      long offerId, OfferResult result, int missesBeforeAway, Instant now) {
    if (result == OfferResult.NOT_REACHED) {
      throw new IllegalArgumentException("A callback not reached is ended by callbackNotReached.");
    }
    OfferRow row = offers.get(offerId);
    if (row == null || row.result() != null) {
      return false;
    }
    Offer offer = row.offer();
    offers.put(offerId, new OfferRow(offer, result));
    Entry entry = entries.get(offer.entryId());
    OfficerState officer = officers.get(offer.officerId());
    String id = offer.officerId();
    switch (result) {
      case ANSWERED:
        officers.put(id, new OfficerState(id, OfficerStatus.BUSY, now, 0, offer.entryId()));
        entry.call = entry.call.with(EntryStatus.CONNECTED, entry.call.tried());
        if (entry.answeredAt == null) {
          // A caller answered again after a transfer keeps their first answer for the figures.
          entry.answeredAt = now;
        }
        break;
      case CALLER_LEFT:
        officers.put(id, new OfficerState(id, OfficerStatus.READY, now, officer.missesInRow(), 0));
        end(entry, EntryEnd.ABANDONED, now);
        break;
      default:
        boolean miss = result != OfferResult.REFUSED;
        int misses = officer.missesInRow() + (miss ? 1 : 0);
        OfficerStatus next = misses >= missesBeforeAway ? OfficerStatus.AWAY : OfficerStatus.READY;
        officers.put(id, new OfficerState(id, next, now, misses, 0));
        Set<String> tried = new LinkedHashSet<>(entry.call.tried());
        tried.add(id);
        entry.call = entry.call.with(EntryStatus.WAITING, tried);
    }
    return true;
  }

  @Override
  public synchronized boolean expireOffer(long offerId, int missesBeforeAway, Instant now) {
    OfferRow row = offers.get(offerId);
    if (row == null || !row.offer().deadline().isBefore(now)) {
      return false;
    }
    return endOffer(offerId, OfferResult.NO_ANSWER, missesBeforeAway, now);
  }

  @Override
  public synchronized void endEntry(
      long entryId, EntryEnd how, OfficerStatus afterCall, Instant now) {
    OfficerStatus.requireAfterCall(afterCall);
    Entry entry = entries.get(entryId);
    if (entry == null || entry.call.status() == EntryStatus.ENDED) {
      return;
    }
    for (Map.Entry<Long, OfferRow> row : offers.entrySet()) {
      if (row.getValue().result() == null && row.getValue().offer().entryId() == entryId) {
        row.setValue(new OfferRow(row.getValue().offer(), OfferResult.CALLER_LEFT));
      }
    }
    officers.replaceAll(
        (id, officer) ->
            officer.entryId() == entryId
                ? new OfficerState(
                    id,
                    officer.status() == OfficerStatus.BUSY ? afterCall : OfficerStatus.READY,
                    now,
                    officer.missesInRow(),
                    0)
                : officer);
    end(entry, how, now);
  }

  @Override
  public synchronized boolean setStatus(String officerId, OfficerStatus status, Instant now) {
    OfficerState officer = officers.get(officerId);
    if (officer == null) {
      throw new IllegalArgumentException("No officer with id '" + officerId + "'.");
    }
    if (status == OfficerStatus.RESERVED || status == OfficerStatus.BUSY) {
      throw new IllegalArgumentException("Only a call makes an officer " + status + ".");
    }
    if (officer.status() == OfficerStatus.RESERVED || officer.status() == OfficerStatus.BUSY) {
      return false;
    }
    if (officer.status() != status) {
      // Coming back resets the misses: the officer says they are at their phone again.
      officers.put(officerId, new OfficerState(officerId, status, now, 0, 0));
    }
    return true;
  }

  @Override
  public synchronized void callbackRequested(long entryId, SealedNumber number, Instant now) {
    Entry entry = entries.get(entryId);
    if (entry == null || entry.call.status() == EntryStatus.ENDED) {
      throw new IllegalArgumentException("No waiting caller " + entryId + " to call back.");
    }
    entry.call = entry.call.withCallback(number.sealed());
    entry.callback = number;
    entry.callbackRequestedAt = now;
  }

  @Override
  public synchronized List<QueuedCall> waitingInServiceOrder(
      QueuedCall after, int limit, Instant now) {
    return waitingBetween(after, null, limit, now);
  }

  @Override
  public synchronized List<QueuedCall> waitingAhead(
      QueuedCall after, QueuedCall caller, int limit, Instant now) {
    return waitingBetween(after, java.util.Objects.requireNonNull(caller), limit, now);
  }

  @Override
  public synchronized List<QueuedCall> waitingAhead(
      QueuedCall after, QueuedCall caller, int limit, Instant now, CallerFilter only) {
    return waitingBetween(
        after,
        java.util.Objects.requireNonNull(caller),
        limit,
        now,
        java.util.Objects.requireNonNull(only, "Filter is required."));
  }

  private List<QueuedCall> waitingBetween(
      QueuedCall after, QueuedCall before, int limit, Instant now) {
    return waitingBetween(after, before, limit, now, null);
  }

  /**
   * After {@code after} and before {@code before} (both exclusive, null for no bound), of those
   * {@code only} admits (null: all).
   */
  private List<QueuedCall> waitingBetween(
      QueuedCall after, QueuedCall before, int limit, Instant now, CallerFilter only) {
    if (limit < 1) {
      throw new IllegalArgumentException("A page holds at least one caller: " + limit);
    }
    return entries.values().stream()
        .filter(e -> e.call.status() == EntryStatus.WAITING)
        .filter(e -> e.callbackDue == null || !e.callbackDue.isAfter(now))
        .map(e -> e.call)
        .sorted(Router.SERVICE_ORDER)
        .filter(c -> after == null || Router.SERVICE_ORDER.compare(c, after) > 0)
        .filter(c -> before == null || Router.SERVICE_ORDER.compare(c, before) < 0)
        .filter(c -> only == null || only.admits(c))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Offer> unclaimedCallbacks() {
    return offers.values().stream()
        .filter(row -> row.result() == null)
        .filter(row -> entries.get(row.offer().entryId()).callback != null)
        .filter(row -> attempts.stream().noneMatch(a -> a.offerId() == row.offer().id()))
        .map(OfferRow::offer)
        .sorted(Comparator.comparing(Offer::offeredAt).thenComparing(Offer::id))
        .toList();
  }

  @Override
  public synchronized Optional<CallbackClaim> claimCallback(
      long offerId, String nodeId, Instant now, Instant deadline) {
    OfferRow row = offers.get(offerId);
    if (row == null
        || row.result() != null
        || attempts.stream().anyMatch(a -> a.offerId() == offerId)) {
      return Optional.empty();
    }
    Entry entry = entries.get(row.offer().entryId());
    if (entry.callback == null) {
      return Optional.empty();
    }
    entry.callbackAttempts++;
    attempts.add(new Attempt(entry.call.id(), entry.callbackAttempts, offerId, nodeId, null));
    Offer moved =
        new Offer(
            offerId,
            row.offer().entryId(),
            row.offer().officerId(),
            row.offer().offeredAt(),
            deadline);
    offers.put(offerId, new OfferRow(moved, null));
    return Optional.of(new CallbackClaim(moved, entry.callbackAttempts, entry.callback));
  }

  @Override
  public synchronized void callbackNotReached(
      CallbackClaim claim, String cause, Instant retryAt, Instant now) {
    OfferRow row = offers.get(claim.offer().id());
    if (row == null || row.result() != null) {
      return;
    }
    offers.put(row.offer().id(), new OfferRow(row.offer(), OfferResult.NOT_REACHED));
    String id = row.offer().officerId();
    OfficerState officer = officers.get(id);
    if (officer.status() == OfficerStatus.RESERVED && officer.entryId() == claim.entryId()) {
      officers.put(id, new OfficerState(id, OfficerStatus.READY, now, officer.missesInRow(), 0));
    }
    Entry entry = entries.get(claim.entryId());
    if (retryAt == null) {
      end(entry, EntryEnd.CALLBACK_FAILED, now);
    } else {
      entry.call = entry.call.with(EntryStatus.WAITING, entry.call.tried());
      entry.callbackDue = retryAt;
    }
    callbackAttemptEnded(claim.entryId(), claim.attemptNo(), cause, now);
  }

  @Override
  public synchronized void callbackAttemptEnded(
      long entryId, int attemptNo, String result, Instant now) {
    attempts.replaceAll(
        a ->
            a.entryId() == entryId && a.attemptNo() == attemptNo && a.result() == null
                ? new Attempt(entryId, attemptNo, a.offerId(), a.nodeId(), result)
                : a);
  }

  /** The results of the callback attempts of {@code entryId} so far, in order; for tests. */
  public synchronized List<String> callbackAttempts(long entryId) {
    return attempts.stream()
        .filter(a -> a.entryId() == entryId)
        .map(a -> a.result() == null ? "(in progress)" : a.result())
        .toList();
  }

  @Override
  public synchronized int expireCallbacks(Instant requestedBefore, Instant now) {
    return endCallbacks(
        e -> e.callbackRequestedAt.isBefore(requestedBefore), EntryEnd.CALLBACK_EXPIRED, now);
  }

  @Override
  public synchronized int cancelCallbacks(String digest, Instant now) {
    return endCallbacks(e -> e.callback.digest().equals(digest), EntryEnd.CALLBACK_CANCELLED, now);
  }

  private int endCallbacks(java.util.function.Predicate<Entry> which, EntryEnd how, Instant now) {
    int ended = 0;
    for (Entry e : entries.values()) {
      if (e.call.status() == EntryStatus.WAITING && e.callback != null && which.test(e)) {
        end(e, how, now);
        ended++;
      }
    }
    return ended;
  }

  @Override
  public synchronized Optional<Duration> averageHandling(String queue, int lastCalls) {
    List<Duration> handled = new ArrayList<>();
    entries.values().stream()
        .filter(e -> e.call.queue().equals(queue) && e.answeredAt != null && e.endedAt != null)
        .sorted(Comparator.comparing((Entry e) -> e.endedAt).reversed())
        .limit(lastCalls)
        .forEach(e -> handled.add(Duration.between(e.answeredAt, e.endedAt)));
    if (handled.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        handled.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(handled.size()));
  }

  @Override
  public synchronized boolean beat(String nodeId, Instant started, Instant now) {
    Node known = nodes.get(nodeId);
    nodes.put(nodeId, new Node(known == null ? started : known.started(), now));
    return known != null;
  }

  @Override
  public synchronized Map<String, Instant> lastBeats() {
    Map<String, Instant> beats = new LinkedHashMap<>();
    nodes.forEach((id, node) -> beats.put(id, node.lastBeat()));
    return beats;
  }

  @Override
  public synchronized List<CallbackClaim> callbackCallsOf(String nodeId) {
    List<CallbackClaim> calls = new ArrayList<>();
    for (Attempt a : attempts) {
      if (nodeId.equals(a.nodeId()) && a.result() == null) {
        Entry entry = entries.get(a.entryId());
        calls.add(
            new CallbackClaim(offers.get(a.offerId()).offer(), a.attemptNo(), entry.callback));
      }
    }
    return calls;
  }

  @Override
  public synchronized boolean forget(String nodeId, Instant lastBeat) {
    Node node = nodes.get(nodeId);
    if (node == null || !node.lastBeat().equals(lastBeat)) {
      return false;
    }
    nodes.remove(nodeId);
    return true;
  }

  @Override
  public synchronized int endOrphans(String nodeId, Instant now) {
    List<Long> orphans =
        entries.values().stream()
            .filter(
                e ->
                    e.nodeId.equals(nodeId)
                        && e.call.status() != EntryStatus.ENDED
                        && !e.call.wantsCallback())
            .map(e -> e.call.id())
            .toList();
    orphans.forEach(id -> endEntry(id, EntryEnd.SYSTEM, OfficerStatus.READY, now));
    return orphans.size();
  }

  @Override
  public synchronized List<EntryFacts> entryFacts(Instant from, Instant to) {
    List<EntryFacts> facts = new ArrayList<>();
    for (Entry e : entries.values()) {
      Instant joined = e.call.enqueuedAt();
      if (joined.isBefore(from) || !joined.isBefore(to)) {
        continue;
      }
      Optional<String> answeredBy =
          offers.values().stream()
              .filter(
                  row ->
                      row.result() == OfferResult.ANSWERED && row.offer().entryId() == e.call.id())
              .min(Comparator.comparingLong(row -> row.offer().id()))
              .map(row -> row.offer().officerId());
      // A transferred caller counts in the queue they joined.
      String joinedQueue =
          transfers.stream()
              .filter(t -> t.entryId() == e.call.id())
              .map(Transfer::fromQueue)
              .findFirst()
              .orElse(e.call.queue());
      facts.add(
          new EntryFacts(
              joinedQueue,
              joined,
              Optional.ofNullable(e.answeredAt),
              Optional.ofNullable(e.endedAt),
              Optional.ofNullable(e.end),
              e.call.wantsCallback(),
              answeredBy));
    }
    return facts;
  }

  @Override
  public synchronized List<OfferFacts> offerFacts(Instant from, Instant to) {
    return offers.values().stream()
        .filter(row -> !row.offer().offeredAt().isBefore(from))
        .filter(row -> row.offer().offeredAt().isBefore(to))
        .map(row -> new OfferFacts(row.offer().officerId(), Optional.ofNullable(row.result())))
        .toList();
  }

  /** How an entry ended, for tests; empty while it lasts. */
  public synchronized Optional<EntryEnd> endOf(long entryId) {
    return Optional.ofNullable(entries.get(entryId)).map(entry -> entry.end);
  }

  private static void end(Entry entry, EntryEnd how, Instant now) {
    entry.call = entry.call.with(EntryStatus.ENDED, entry.call.tried());
    entry.end = how;
    entry.endedAt = now;
  }

  @Override
  public synchronized TransferOutcome transfer(
      long entryId,
      String officerId,
      String toQueue,
      String toOfficer,
      Instant now,
      Instant deadline) {
    Entry entry = entries.get(entryId);
    OfficerState officer = officers.get(officerId);
    if (entry == null
        || officer == null
        || officer.status() != OfficerStatus.BUSY
        || officer.entryId() != entryId
        || entry.call.status() != EntryStatus.CONNECTED) {
      return new TransferOutcome.Refused(TransferOutcome.Why.NOT_YOUR_CALLER);
    }
    OfficerState target = toOfficer == null ? null : officers.get(toOfficer);
    if (toOfficer != null && (target == null || target.status() != OfficerStatus.READY)) {
      return new TransferOutcome.Refused(TransferOutcome.Why.OFFICER_NOT_READY);
    }
    long answered =
        offers.values().stream()
            .filter(row -> row.result() == OfferResult.ANSWERED)
            .map(OfferRow::offer)
            .filter(o -> o.entryId() == entryId && o.officerId().equals(officerId))
            .mapToLong(Offer::id)
            .max()
            .orElseThrow();
    officers.put(
        officerId,
        new OfficerState(officerId, OfficerStatus.WRAP_UP, now, officer.missesInRow(), 0));
    QueuedCall call = entry.call;
    entry.call =
        new QueuedCall(
            call.id(),
            call.callId(),
            toQueue,
            call.priority(),
            call.language(),
            call.enqueuedAt(),
            EntryStatus.WAITING,
            call.tried(),
            call.callbackNumber());
    Transfer transfer =
        new Transfer(
            entryId,
            officerId,
            answered,
            call.queue(),
            toQueue,
            Optional.ofNullable(toOfficer),
            now);
    transfers.add(transfer);
    Optional<Offer> offered =
        toOfficer == null ? Optional.empty() : reserve(entryId, toOfficer, now, deadline);
    return new TransferOutcome.Transferred(transfer, offered);
  }

  @Override
  public synchronized List<Transfer> transfers(long entryId) {
    return transfers.stream().filter(t -> t.entryId() == entryId).toList();
  }
}
