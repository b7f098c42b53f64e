// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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

  /**
   * Callers ahead a look reads in its first page; each further page is {@link #AHEAD_GROWTH} times
   * the last, up to a routing round's page. A look stops at the first caller not ahead of its own,
   * but a page is what the database is asked for: pgJDBC receives every row the limit allows before
   * the first is read (no cursor outside a transaction), so a page of 1,600 sent the whole queue
   * behind the caller on every look (1.8 ms of a look's 3, issue 11 item 10). When officers are
   * free the callers ahead of a looking caller are nearly always already ringing or unable to take
   * them, so the usual page is nearly empty; growing pages read a long line ahead in a few more
   * round trips, and never more than four times the callers ahead. The answer is the same for any
   * page size: pages are planned in turn with the officers the earlier ones left.
   */
  private static final int FIRST_AHEAD_PAGE = 8;

  private static final int AHEAD_GROWTH = 4;

  /**
   * Officers a look tries in turn, at most: a look that loses this many races in a row waits for
   * its next look rather than hold a transaction open over the whole roster.
   */
  private static final int MAX_CHOICES = 8;

  private final EscalationSettings settings;
  private final EscalationStore store;
  private final Clock clock;
  private final String nodeId;
  private final Router router;
  private final CallbackNumbers numbers;
  private final NodeWatch watch;
  private final Map<String, OfficerProfile> profiles = new HashMap<>();

  /** Per officer, the queues that could ever reach them ({@link QueueDefinition#couldReach}). */
  private final Map<String, Set<String>> queuesReaching = new HashMap<>();

  /** Per queue and language, the officers who could serve it; filled as callers look. */
  private final Map<String, Set<String>> capable = new ConcurrentHashMap<>();

  /** Per queue, its recent handling times as last read. */
  private final Map<String, Handling> handling = new ConcurrentHashMap<>();

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
    this.watch = new NodeWatch(settings, store, clock, nodeId, clock.instant());
    for (OfficerProfile officer : settings.officers()) {
      profiles.put(officer.id(), officer);
      Set<String> queues = new HashSet<>();
      for (QueueDefinition queue : settings.queues()) {
        if (queue.couldReach(officer)) {
          queues.add(queue.name());
        }
      }
      queuesReaching.put(officer.id(), Set.copyOf(queues));
    }
  }

  /**
   * At start, before this node answers any call: enrols the configured officers (those already
   * known keep their state), takes over from its own last run as from a node gone silent (its
   * callers ended SYSTEM, their officers READY; the callback calls it was placing back in the
   * queue, or ended SYSTEM if bridged), and beats once ({@link NodeWatch#beat}), so the other nodes
   * know it from now on. Returns what the last run left.
   */
  public NodeWatch.TakeOver start() {
    Instant now = clock.instant();
    store.enrol(settings.officers().stream().map(OfficerProfile::id).toList(), now);
    // A node restarted within node-dead-after beats on under the same id, so no other node ever
    // takes over from its last run: it must. Ending only its callers left a callback it had
    // bridged with its officer BUSY for ever, and one it was dialling RESERVED until the deadline
    // and then counted as that officer's miss.
    NodeWatch.TakeOver lastRun = watch.takeOver(nodeId, now);
    watch.beat();
    return lastRun;
  }

  /**
   * This node's heartbeat and its watch over the other nodes; to {@link NodeWatch#beat} every
   * {@link NodeWatch#interval}.
   */
  public NodeWatch nodeWatch() {
    return watch;
  }

  @Override
  public QueuedCall enqueue(Escalation escalation) {
    QueueDefinition queue = settings.queueFor(escalation.reason());
    return store.enqueue(escalation, queue, nodeId, clock.instant());
  }

  /**
   * One routing round that reserves every match of the plan; returns the offers made. For tests and
   * the benchmark's steady state: in a running phone bank each caller's own look ({@link #status})
   * reserves for that caller only, and the dialler's rounds ({@link #dispatchCallbacks}) for
   * callbacks only, so every offer is rung by whoever made it, at once.
   */
  public List<Offer> dispatch() {
    Instant now = clock.instant();
    sweep(now);
    return route(now, store.readyOfficers(), caller -> true);
  }

  /**
   * A routing round that reserves officers for callbacks only, for the dialler's rounds. Officers
   * the plan gives to callers on hold are left free for those callers' own next look at the queue
   * (at most a poll interval away): reserved from here, their officer's ring time would run before
   * the caller's line even rings the phone. Callers keep their order: a callback behind a caller on
   * hold does not take the officer the plan gives that caller.
   */
  public List<Offer> dispatchCallbacks() {
    Instant now = clock.instant();
    sweep(now);
    return route(now, store.readyOfficers(), QueuedCall::wantsCallback);
  }

  /**
   * Ends offers rung past their deadline as no-answers (a node that died mid-ring strands no
   * officer in RESERVED) and callbacks past their expiry (not worth an officer's ring).
   */
  private void sweep(Instant now) {
    for (Offer overdue : store.overdue(now)) {
      store.expireOffer(overdue.id(), settings.missesBeforeAway(), now);
    }
    store.expireCallbacks(now.minus(settings.callbackExpiry()), now);
  }

  /**
   * Plans over the queue in service order and reserves the matches of the callers {@code owned}
   * selects, offered now and ringing for the ring timeout from now. The others are left for their
   * owners, who ring them at once when they reserve.
   */
  private List<Offer> route(Instant now, List<OfficerState> ready, Predicate<QueuedCall> owned) {
    List<OfficerState> free = new ArrayList<>(ready);
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
      Set<Long> mine = new HashSet<>();
      callers.stream().filter(owned).forEach(c -> mine.add(c.id()));
      matches = matches.stream().filter(m -> mine.contains(m.entryId())).toList();
      made.addAll(store.reserveAll(matches, now, deadline));
      if (callers.size() < page) {
        break;
      }
      after = callers.get(callers.size() - 1);
    }
    return made;
  }

  /**
   * A caller's own round: plans the callers ahead of them, page by page (reading nobody behind:
   * they cannot change the caller's match), then reserves for the caller the first officer, in
   * {@link Router#pickOrder}, of those the callers ahead left, who is still READY, in one step. So
   * an officer another node reserved since this look read the officers passes the caller to the
   * next one instead of failing the look for a poll interval.
   */
  private Optional<Offer> reserveFor(
      QueuedCall caller, List<OfficerState> ready, Optional<List<QueuedCall>> head, Instant now) {
    List<String> choices = choicesFor(caller, ready, head, now, true);
    if (choices.isEmpty()) {
      return Optional.empty();
    }
    return store.reserveFirst(
        caller.id(),
        choices.subList(0, Math.min(MAX_CHOICES, choices.size())),
        now,
        now.plus(settings.ringTimeout()));
  }

  /**
   * The officers of {@code ready} the caller may ring now, in {@link Router#pickOrder}, of those
   * the callers ahead leave free. {@code narrowed} (every look) reads only what can change the
   * answer: nothing when the caller can take none of the free officers, only the callers ahead who
   * could take one of them ({@link CallerFilter#reaching}), and no further page once none the
   * caller could take is left. Without it every caller ahead is read; the answer is the same (the
   * tests compare both).
   */
  List<String> choicesFor(
      QueuedCall caller, List<OfficerState> ready, Instant now, boolean narrowed) {
    return choicesFor(caller, ready, Optional.empty(), now, narrowed);
  }

  /**
   * As {@link #choicesFor(QueuedCall, List, Instant, boolean)}, starting from the head of the queue
   * the look read ({@link Look#head}), when it did: its callers ahead are planned first, and the
   * store is asked for callers only past them, when the head holds nobody who is not ahead.
   * Planning over a head not narrowed to the officers free gives the same matches: a caller the
   * filter leaves out can take none of them.
   */
  List<String> choicesFor(
      QueuedCall caller,
      List<OfficerState> ready,
      Optional<List<QueuedCall>> head,
      Instant now,
      boolean narrowed) {
    List<OfficerState> free = new ArrayList<>(ready);
    if (narrowed && router.pickOrder(caller, free, now).isEmpty()) {
      // The callers ahead only ever take officers away: nobody the caller cannot take now helps.
      return List.of();
    }
    int fullPage = Math.max(MIN_PAGE, PAGE_PER_OFFICER * free.size());
    int page = Math.min(FIRST_AHEAD_PAGE, fullPage);
    QueuedCall after = null;
    if (head.isPresent()) {
      List<QueuedCall> first = head.get();
      List<QueuedCall> ahead = new ArrayList<>();
      for (QueuedCall other : first) {
        if (Router.SERVICE_ORDER.compare(other, caller) >= 0) {
          break;
        }
        ahead.add(other);
      }
      takeMatched(ahead, free, now);
      if (ahead.size() < first.size() || first.size() < Look.HEAD) {
        // The head reached the caller, or the end of the queue: nobody else is ahead.
        return router.pickOrder(caller, free, now);
      }
      if (narrowed && router.pickOrder(caller, free, now).isEmpty()) {
        return List.of();
      }
      after = first.get(first.size() - 1);
    }
    while (!free.isEmpty()) {
      List<QueuedCall> ahead =
          narrowed
              ? store.waitingAhead(after, caller, page, now, reaching(free))
              : store.waitingAhead(after, caller, page, now);
      takeMatched(ahead, free, now);
      if (ahead.size() < page) {
        break;
      }
      if (narrowed && router.pickOrder(caller, free, now).isEmpty()) {
        return List.of();
      }
      after = ahead.get(ahead.size() - 1);
      page = Math.min(fullPage, page * AHEAD_GROWTH);
    }
    return router.pickOrder(caller, free, now);
  }

  /** Takes out of {@code free} the officers the plan over {@code callers} gives them. */
  private void takeMatched(List<QueuedCall> callers, List<OfficerState> free, Instant now) {
    for (Router.Match match : router.plan(callers, free, now)) {
      free.removeIf(officer -> officer.officerId().equals(match.officerId()));
    }
  }

  /** The callers who could take one of {@code free}: their queues and languages. */
  private CallerFilter reaching(List<OfficerState> free) {
    Set<String> queues = new HashSet<>();
    Set<String> languages = new HashSet<>();
    for (OfficerState officer : free) {
      OfficerProfile profile = profiles.get(officer.officerId());
      if (profile != null) {
        queues.addAll(queuesReaching.get(profile.id()));
        languages.addAll(profile.languages());
      }
    }
    return new CallerFilter(queues, languages);
  }

  /**
   * Where the caller stands, after a routing round of their own: the offer it makes is this
   * caller's, rung by this caller's call at once, so the ring timeout runs from the moment the
   * officer's phone starts to ring. A look never reserves an officer for another caller, whose line
   * would ring the phone only at its own next look, up to a poll interval of the ring time later.
   */
  @Override
  public WaitState status(long entryId) {
    Instant now = clock.instant();
    // One read for the usual look: overdue offers (usually none), the entry, the READY officers.
    // Only overdue offers are ended here: a look reserves for its own caller, never a callback, so
    // expiring callbacks is left to the rounds that reserve for them (dispatchCallbacks).
    Look look = store.look(entryId, now);
    while (!look.overdue().isEmpty()) {
      for (Offer overdue : look.overdue()) {
        store.expireOffer(overdue.id(), settings.missesBeforeAway(), now);
      }
      look = store.look(entryId, now);
    }
    QueuedCall caller =
        look.entry().orElseThrow(() -> new IllegalArgumentException("No queue entry " + entryId));
    switch (caller.status()) {
      case RINGING:
        Optional<Offer> offer = store.ringing(entryId);
        if (offer.isPresent()) {
          return ringing(offer.get(), now);
        }
        return status(entryId);
      case WAITING:
        if (!look.ready().isEmpty()) {
          Optional<Offer> mine = reserveFor(caller, look.ready(), look.head(), now);
          if (mine.isPresent()) {
            return ringing(mine.get(), now);
          }
        }
        return waiting(caller, now);
      default:
        return new WaitState.Gone(caller.status());
    }
  }

  private WaitState.Ringing ringing(Offer offer, Instant now) {
    Duration left = Duration.between(now, offer.deadline());
    return new WaitState.Ringing(
        offer,
        settings.officer(offer.officerId()).endpoint(),
        left.isNegative() ? Duration.ZERO : left);
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
        store.offerFacts(period.from(), period.to()),
        store.entryFacts(period.from(), period.to()),
        settings.serviceLevel());
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

  /**
   * Position and estimate (docs/escalation.md, "Estimated wait"): the position and the capable
   * officers at work read on every look, the queue's recent handling times at most once per {@link
   * EscalationSettings#handlingRefresh} on this node.
   */
  private WaitState waiting(QueuedCall caller, Instant now) {
    WaitFacts facts = store.waitFacts(caller, capable(caller));
    Duration handling = averageHandling(caller.queue(), now).orElse(settings.defaultHandlingTime());
    return new WaitState.Waiting(
        facts.position(), WaitEstimate.of(facts.position(), facts.atWork(), handling));
  }

  /** The officers who could ever serve the caller's queue in their language. */
  private Set<String> capable(QueuedCall caller) {
    return capable.computeIfAbsent(
        caller.queue() + " " + caller.language(),
        key -> {
          QueueDefinition queue = settings.queue(caller.queue());
          Set<String> ids = new HashSet<>();
          for (OfficerProfile officer : settings.officers()) {
            if (officer.speaks(caller.language()) && queue.couldReach(officer)) {
              ids.add(officer.id());
            }
          }
          return Set.copyOf(ids);
        });
  }

  /** The queue's recent handling times, read again once {@link #handlingRefresh} has passed. */
  private Optional<Duration> averageHandling(String queue, Instant now) {
    Handling known = handling.get(queue);
    if (known != null
        && !now.isBefore(known.readAt())
        && now.isBefore(known.readAt().plus(settings.handlingRefresh()))) {
      return known.average();
    }
    Optional<Duration> average = store.averageHandling(queue, RECENT_CALLS);
    handling.put(queue, new Handling(average, now));
    return average;
  }

  /** A queue's recent handling times as read at {@code readAt}. */
  private record Handling(Optional<Duration> average, Instant readAt) {}
}
