// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The officers' queues of one node over a shared {@link EscalationStore}: each routing round first
 * ends offers rung past their deadline as no-answers (on whichever node gets there first, so a node
 * that died mid-ring strands no officer in RESERVED), then plans with the {@link Router} and
 * reserves each match atomically; a match another node took meanwhile is simply skipped.
 */
public final class Escalations implements OfficerQueue {

  /** The handling times the estimate averages. */
  static final int RECENT_CALLS = 20;

  /** Callers read per page of a routing round: at least this many ... */
  private static final int MIN_PAGE = 32;

  /** ... or this many per free officer, so one page nearly always places them all. */
  private static final int PAGE_PER_OFFICER = 8;

  private final EscalationSettings settings;
  private final EscalationStore store;
  private final Clock clock;
  private final String nodeId;
  private final Router router;
  private final CallbackNumbers numbers;

  /** Queues whose callback numbers are sealed under a key made for this object (tests). */
  public Escalations(
      EscalationSettings settings, EscalationStore store, Clock clock, String nodeId) {
    this(settings, store, clock, nodeId, CallbackNumbers.ephemeral());
  }

  /**
   * @param numbers seals callback numbers for the store; every node sharing the store needs the
   *     same key
   */
  public Escalations(
      EscalationSettings settings,
      EscalationStore store,
      Clock clock,
      String nodeId,
      CallbackNumbers numbers) {
    this.numbers = Objects.requireNonNull(numbers, "Callback numbers are required.");
    this.settings = Objects.requireNonNull(settings, "Escalation settings are required.");
    this.store = Objects.requireNonNull(store, "Escalation store is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    this.nodeId = Objects.requireNonNull(nodeId, "Node id is required.");
    this.router = new Router(settings);
  }

  /**
   * At start: enrols the configured officers (those already known keep their state) and ends as
   * SYSTEM the callers this node held before it stopped. Returns how many were ended.
   */
  public int start() {
    Instant now = clock.instant();
    store.enrol(settings.officers().stream().map(OfficerProfile::id).toList(), now);
    return store.endOrphans(nodeId, now);
  }

  @Override
  public QueuedCall enqueue(Escalation escalation) {
    QueueDefinition queue = settings.queueFor(escalation.reason());
    return store.enqueue(escalation, queue, nodeId, clock.instant());
  }

  /** One routing round; returns the offers made. */
  public List<Offer> dispatch() {
    return dispatch(false);
  }

  /**
   * A routing round that reserves officers for callbacks only, for the dialler's rounds. Officers
   * the plan gives to callers on hold are left free for those callers' own next look at the queue
   * (at most a poll interval away): reserved from here, their officer's ring time would run before
   * the caller's line even rings the phone. Callers keep their order: a callback behind a caller on
   * hold does not take the officer the plan gives that caller.
   */
  public List<Offer> dispatchCallbacks() {
    return dispatch(true);
  }

  private List<Offer> dispatch(boolean callbacksOnly) {
    Instant now = clock.instant();
    for (Offer overdue : store.overdue(now)) {
      store.endOffer(overdue.id(), OfferResult.NO_ANSWER, settings.missesBeforeAway(), now);
    }
    // A callback past its expiry is not worth an officer's ring.
    store.expireCallbacks(now.minus(settings.callbackExpiry()), now);
    List<OfficerState> free = new ArrayList<>(store.readyOfficers());
    if (free.isEmpty()) {
      return List.of();
    }
    // The plan is greedy in service order, so planning page by page with the officers the earlier
    // pages left gives exactly the plan over the whole queue, without reading callers nobody can
    // serve this round.
    int page = Math.max(MIN_PAGE, PAGE_PER_OFFICER * free.size());
    Instant deadline = now.plus(settings.ringTimeout());
    List<Offer> made = new ArrayList<>();
    QueuedCall after = null;
    while (!free.isEmpty()) {
      List<QueuedCall> callers = store.waitingInServiceOrder(after, page, now);
      if (callers.isEmpty()) {
        break;
      }
      List<Router.Match> matches = router.plan(callers, free, now);
      for (Router.Match match : matches) {
        free.removeIf(officer -> officer.officerId().equals(match.officerId()));
      }
      if (callbacksOnly) {
        Set<Long> callbacks = new HashSet<>();
        callers.stream().filter(QueuedCall::wantsCallback).forEach(c -> callbacks.add(c.id()));
        matches = matches.stream().filter(m -> callbacks.contains(m.entryId())).toList();
      }
      made.addAll(store.reserveAll(matches, now, deadline));
      if (callers.size() < page) {
        break;
      }
      after = callers.get(callers.size() - 1);
    }
    return made;
  }

  @Override
  public WaitState status(long entryId) {
    dispatch();
    QueuedCall caller = entry(entryId);
    switch (caller.status()) {
      case RINGING:
        Optional<Offer> offer = store.ringing(entryId);
        if (offer.isPresent()) {
          Duration left = Duration.between(clock.instant(), offer.get().deadline());
          return new WaitState.Ringing(
              offer.get(),
              settings.officer(offer.get().officerId()).endpoint(),
              left.isNegative() ? Duration.ZERO : left);
        }
        return status(entryId);
      case WAITING:
        return waiting(caller);
      default:
        return new WaitState.Gone(caller.status());
    }
  }

  @Override
  public void offerEnded(Offer offer, OfferResult result) {
    store.endOffer(offer.id(), result, settings.missesBeforeAway(), clock.instant());
  }

  @Override
  public void ended(long entryId, EntryEnd how) {
    store.endEntry(
        entryId,
        how,
        settings.wrapUpAfterCall() ? OfficerStatus.WRAP_UP : OfficerStatus.READY,
        clock.instant());
  }

  @Override
  public void callback(long entryId, String number) {
    Objects.requireNonNull(number, "Callback number is required.");
    // Sealed before it reaches the store: a callback number is collected digits.
    store.callbackRequested(entryId, numbers.seal(number), clock.instant());
  }

  @Override
  public int callingAgain(String callerNumber) {
    if (!CallbackNumbers.isPhoneNumber(callerNumber)) {
      return 0;
    }
    return store.cancelCallbacks(numbers.digest(callerNumber), clock.instant());
  }

  /** This node's callbacks over the same store, settings and clock. */
  public Callbacks callbacks() {
    return new Callbacks(settings, store, clock, nodeId, numbers);
  }

  /**
   * Officers' transfers over the same store, settings and clock; {@code legs} ends the transferring
   * officer's leg of the conversation.
   */
  public Transfers transfers(OfficerLegs legs) {
    return new Transfers(settings, store, clock, legs);
  }

  /** The queues, officers and thresholds these queues were started with (the wallboard's too). */
  public EscalationSettings settings() {
    return settings;
  }

  @Override
  public Duration announceInterval() {
    return settings.announceInterval();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /**
   * An officer's own change (console, phone): READY, AWAY, WRAP_UP or LOGGED_OUT.
   *
   * @throws IllegalArgumentException for an officer id that is not configured
   * @return false while the officer is ringing or on a call
   */
  public boolean setStatus(String officerId, OfficerStatus status) {
    settings.officer(officerId);
    return store.setStatus(officerId, status, clock.instant());
  }

  /** Per queue, for the callers who joined in {@code period}. */
  public List<QueueFigures> queueFigures(Figures.Period period) {
    return Figures.byQueue(store.entryFacts(period.from(), period.to()), settings.serviceLevel());
  }

  /** Per officer, for the offers made in {@code period}. */
  public List<OfficerFigures> officerFigures(Figures.Period period) {
    return Figures.byOfficer(
        store.offerFacts(period.from(), period.to()), store.entryFacts(period.from(), period.to()));
  }

  /**
   * The offer ringing for this officer now, if they are RESERVED; what the console shows as an
   * incoming call.
   *
   * @throws IllegalArgumentException for an officer id that is not configured
   */
  public Optional<Offer> ringingFor(String officerId) {
    return officer(officerId)
        .filter(state -> state.status() == OfficerStatus.RESERVED)
        .flatMap(state -> store.ringing(state.entryId()))
        .filter(offer -> offer.officerId().equals(officerId));
  }

  /** The caller's queue entry, if there is one with this id. */
  public Optional<QueuedCall> entryOf(long entryId) {
    return store.entry(entryId);
  }

  public Optional<OfficerState> officer(String officerId) {
    settings.officer(officerId);
    return store.officer(officerId);
  }

  private QueuedCall entry(long entryId) {
    return store
        .entry(entryId)
        .orElseThrow(() -> new IllegalArgumentException("No queue entry " + entryId));
  }

  private WaitState waiting(QueuedCall caller) {
    List<QueuedCall> waiting = store.waiting();
    int position = 1;
    for (QueuedCall other : waiting) {
      if (other.id() != caller.id()
          && aheadOf(other, caller)
          && (other.queue().equals(caller.queue()) || other.priority() > caller.priority())) {
        position++;
      }
    }
    QueueDefinition queue = settings.queue(caller.queue());
    int atWork = 0;
    for (OfficerState state : store.officers()) {
      if (state.status() == OfficerStatus.LOGGED_OUT
          || state.status() == OfficerStatus.AWAY
          || state.status() == OfficerStatus.WRAP_UP) {
        continue;
      }
      Optional<OfficerProfile> profile =
          settings.officers().stream().filter(o -> o.id().equals(state.officerId())).findFirst();
      if (profile.isPresent()
          && profile.get().speaks(caller.language())
          && queue.couldReach(profile.get())) {
        atWork++;
      }
    }
    Duration handling =
        store.averageHandling(caller.queue(), RECENT_CALLS).orElse(settings.defaultHandlingTime());
    return new WaitState.Waiting(position, WaitEstimate.of(position, atWork, handling));
  }

  private static boolean aheadOf(QueuedCall other, QueuedCall caller) {
    return Router.SERVICE_ORDER.compare(other, caller) < 0;
  }
}
