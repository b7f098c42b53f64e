// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.escalation.SampleEscalations.caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing rules against a scripted clock, on every store: a subclass names the store. Each test
 * builds its own store, officers a1, a2, c5, c2, f4 and s1 enrolled (see {@link
 * SampleEscalations}).
 */
public abstract class RoutingContract {

  protected final ScriptedClock clock = new ScriptedClock(Instant.parse("2026-03-21T06:00:00Z"));
  protected EscalationStore store;
  protected Escalations queues;

  /** A fresh, empty store. */
  protected abstract EscalationStore newStore();

  /** How the entry ended as the store recorded it, empty while it lasts. */
  protected abstract Optional<EntryEnd> endOf(long entryId);

  @BeforeEach
  void enrolTheOfficers() {
    store = newStore();
    queues = new Escalations(SampleEscalations.settings(), store, clock, "node-1");
    queues.start();
  }

  /** Sets officers ready one second apart: the first named has been idle longest. */
  private void ready(String... officers) {
    for (String officer : officers) {
      assertTrue(queues.setStatus(officer, OfficerStatus.READY));
      clock.advanceSeconds(1);
    }
  }

  private Offer ringingOffer(QueuedCall call) {
    WaitState state = queues.status(call.id());
    return assertInstanceOf(WaitState.Ringing.class, state, "caller should ring").offer();
  }

  private String ringing(QueuedCall call) {
    return ringingOffer(call).officerId();
  }

  @Test
  void theLongestIdleCapableOfficerGetsTheOffer() {
    ready("a2", "a1");
    QueuedCall call = queues.enqueue(caller("call-1", "en", EscalationReason.ASKED));

    assertEquals("a2", ringing(call));
    assertEquals(OfficerStatus.RESERVED, queues.officer("a2").orElseThrow().status());
    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
  }

  @Test
  void anOfficerWhoDoesNotSpeakTheCallersLanguageIsPassedOver() {
    ready("c5", "s1");
    QueuedCall english = queues.enqueue(caller("call-1", "en", EscalationReason.LOCKED_OUT));

    queues.dispatch();
    assertInstanceOf(WaitState.Waiting.class, queues.status(english.id()));
    assertEquals(OfficerStatus.READY, queues.officer("c5").orElseThrow().status());
  }

  @Test
  void aCallerBehindPagesOfCallersNobodyFreeCanServeStillGetsTheOffer() {
    ready("c5");
    // c5 speaks Persian only: a routing round must read past every page of English callers.
    for (int i = 0; i < 150; i++) {
      queues.enqueue(caller("call-en-" + i, "en", EscalationReason.LOCKED_OUT));
    }
    QueuedCall persian = queues.enqueue(caller("call-fa", "fa", EscalationReason.LOCKED_OUT));

    List<Offer> offers = queues.dispatch();
    assertEquals(1, offers.size(), offers.toString());
    assertEquals(persian.id(), offers.get(0).entryId());
    assertEquals("c5", offers.get(0).officerId());
  }

  @Test
  void aLookReadsOnPastAPageOfCallersAheadToTheOneWhoTakesTheOfficer() {
    ready("c5");
    // A look's first page of callers ahead holds 8: the Persian caller ahead is on the second.
    for (int i = 0; i < 12; i++) {
      queues.enqueue(caller("call-en-" + i, "en", EscalationReason.LOCKED_OUT));
    }
    QueuedCall ahead = queues.enqueue(caller("call-fa-1", "fa", EscalationReason.LOCKED_OUT));
    QueuedCall behind = queues.enqueue(caller("call-fa-2", "fa", EscalationReason.LOCKED_OUT));
    List<OfficerState> ready = store.readyOfficers();

    // Reading every caller ahead (the narrowed look skips the English ones), page by page.
    assertEquals(List.of(), queues.choicesFor(behind, ready, clock.instant(), false));
    assertEquals(List.of("c5"), queues.choicesFor(ahead, ready, clock.instant(), false));
    // From the head of the queue a look read (eight English callers, all ahead), read on past it.
    Instant now = clock.instant();
    Look look = store.look(behind.id(), now);
    // A store reads the head with the look or not at all (Derby: no round trip to save).
    look.head()
        .ifPresent(head -> assertEquals(store.waitingInServiceOrder(null, Look.HEAD, now), head));
    assertEquals(List.of(), queues.choicesFor(behind, ready, look.head(), now, true));
    assertEquals(
        List.of("c5"),
        queues.choicesFor(ahead, ready, store.look(ahead.id(), now).head(), now, true));
    assertInstanceOf(WaitState.Waiting.class, queues.status(behind.id()));
    assertEquals("c5", ringing(ahead));
  }

  @Test
  void aLooksHeadCarriesTheOfficersEachCallerAlreadyTried() {
    ready("a2", "a1");
    QueuedCall first = queues.enqueue(caller("call-1", "en", EscalationReason.ASKED));
    assertEquals("a2", ringing(first));
    queues.offerEnded(ringingOffer(first), OfferResult.REFUSED);
    clock.advanceSeconds(1);
    QueuedCall second = queues.enqueue(caller("call-2", "en", EscalationReason.ASKED));
    QueuedCall third = queues.enqueue(caller("call-3", "en", EscalationReason.ASKED));
    List<OfficerState> ready = store.readyOfficers();
    Instant now = clock.instant();

    Look look = store.look(third.id(), now);
    look.head()
        .ifPresent(
            head -> {
              assertEquals(
                  List.of(first.id(), second.id(), third.id()),
                  head.stream().map(QueuedCall::id).toList());
              assertEquals(java.util.Set.of("a2"), head.get(0).tried());
            });
    // The first caller refused by a2 takes a1, so a2 is left for the second and none for the
    // third: the same with the head as read page by page.
    for (QueuedCall caller : List.of(first, second, third)) {
      assertEquals(
          queues.choicesFor(caller, ready, now, false),
          queues.choicesFor(caller, ready, store.look(caller.id(), now).head(), now, true),
          "choices of " + caller.callId());
    }
    assertEquals(List.of("a2"), queues.choicesFor(second, ready, look.head(), now, true));
    assertEquals(List.of(), queues.choicesFor(third, ready, look.head(), now, true));
  }

  @Test
  void theHeadOfTheQueueIsReadInServiceOrderPageByPageWithoutGapsOrRepeats() {
    QueuedCall low = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    QueuedCall sameTime = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    QueuedCall later = queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    QueuedCall stolen = queues.enqueue(caller("call-4", "fa", EscalationReason.CARD_STOLEN));

    List<QueuedCall> first = store.waitingInServiceOrder(null, 2);
    List<QueuedCall> second = store.waitingInServiceOrder(first.get(1), 2);
    List<QueuedCall> none = store.waitingInServiceOrder(second.get(1), 2);

    assertEquals(List.of(stolen.id(), low.id()), first.stream().map(QueuedCall::id).toList());
    assertEquals(List.of(sameTime.id(), later.id()), second.stream().map(QueuedCall::id).toList());
    assertEquals(List.of(), none);
  }

  @Test
  void priorityCallersAreServedFirstThenFirstComeFirstServed() {
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(5);
    QueuedCall second = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(5);
    // Fraud's first tier is fraud:3, which f4 holds; by 90 s supervisors are in too.
    QueuedCall stolen = queues.enqueue(caller("call-3", "fa", EscalationReason.CARD_STOLEN));
    clock.advanceSeconds(100);
    // Only s1 (a supervisor, general:1) is at work: the priority caller, who came last, gets them.
    ready("s1");

    assertEquals("s1", ringing(stolen));
    assertInstanceOf(WaitState.Waiting.class, queues.status(first.id()));

    ready("a1");
    assertEquals("a1", ringing(first));
    assertInstanceOf(WaitState.Waiting.class, queues.status(second.id()));
  }

  @Test
  void aCallerWaitsForEnoughProficiencyThenWidensToLowerThenToSupervisors() {
    ready("c2", "s1");
    QueuedCall locked = queues.enqueue(caller("call-1", "fa", EscalationReason.LOCKED_OUT));

    // cards:4@0: c2 (cards:2) is not enough at first.
    assertInstanceOf(WaitState.Waiting.class, queues.status(locked.id()));
    clock.advanceSeconds(59);
    assertInstanceOf(WaitState.Waiting.class, queues.status(locked.id()));
    // cards:1@60: now c2 is.
    clock.advanceSeconds(1);
    Offer offer = ringingOffer(locked);
    assertEquals("c2", offer.officerId());

    // c2 refuses; nobody with cards is left, and supervisors come in at 180 s only.
    queues.offerEnded(offer, OfferResult.REFUSED);
    assertTrue(queues.setStatus("c2", OfficerStatus.AWAY));
    assertInstanceOf(WaitState.Waiting.class, queues.status(locked.id()));
    clock.advanceSeconds(120);
    assertEquals("s1", ringing(locked));
  }

  @Test
  void ringNoAnswerOffersTheCallToTheNextCapableOfficerAtOnce() {
    ready("a1", "a2");
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    assertEquals("a1", ringing(call));

    clock.advanceSeconds(14);
    assertEquals("a1", ringing(call));
    clock.advanceSeconds(2);
    // Past the 15 s ring timeout: the sweep ends a1's offer as a no-answer, a2 rings now.
    assertEquals("a2", ringing(call));
    OfficerState a1 = queues.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.READY, a1.status());
    assertEquals(1, a1.missesInRow());
  }

  @Test
  void aCallersLookReservesForThatCallerOnlySoTheRingTimeRunsFromTheirOwnOffer() {
    ready("a1");
    QueuedCall ahead = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    QueuedCall behind = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));

    // The caller behind looks first: a1 is the caller ahead's, left READY for their own look.
    assertInstanceOf(WaitState.Waiting.class, queues.status(behind.id()));
    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
    assertEquals(Optional.empty(), store.ringing(ahead.id()));

    // The caller ahead looks one poll later and rings a1 for the whole ring timeout.
    clock.advanceSeconds(5);
    WaitState.Ringing ring =
        assertInstanceOf(WaitState.Ringing.class, queues.status(ahead.id()), "ahead rings");
    assertEquals("a1", ring.offer().officerId());
    assertEquals(clock.instant(), ring.offer().offeredAt());
    assertEquals(java.time.Duration.ofSeconds(15), ring.ringFor());

    // Ring-no-answer counts from that offer: ringing 15 s after it, a miss only past that.
    clock.advanceSeconds(15);
    assertInstanceOf(WaitState.Waiting.class, queues.status(behind.id()));
    assertEquals(OfficerStatus.RESERVED, queues.officer("a1").orElseThrow().status());
    clock.advanceSeconds(1);
    assertInstanceOf(WaitState.Waiting.class, queues.status(behind.id()));
    assertEquals(1, queues.officer("a1").orElseThrow().missesInRow());
    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
  }

  @Test
  void reserveFirstPassesAnOfficerAnotherNodeTookToTheNextInPickOrder() {
    ready("a1", "a2");
    QueuedCall other = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    QueuedCall mine = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    QueuedCall late = queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    Instant now = clock.instant();
    // Another node reserved a1 a moment after this node's look read both officers READY.
    assertTrue(store.reserve(other.id(), "a1", now, now.plusSeconds(15)).isPresent());

    Offer offer =
        store.reserveFirst(mine.id(), List.of("a1", "a2"), now, now.plusSeconds(15)).orElseThrow();
    assertEquals("a2", offer.officerId());
    assertEquals(mine.id(), offer.entryId());

    assertEquals(
        Optional.empty(),
        store.reserveFirst(late.id(), List.of("a1", "a2"), now, now.plusSeconds(15)),
        "both taken: nothing changed");
    assertEquals(EntryStatus.WAITING, store.entry(late.id()).orElseThrow().status());
    assertEquals(Optional.empty(), store.ringing(late.id()));
  }

  @Test
  void reserveFirstForACallerWhoLeftMeanwhileReservesNoOfficer() {
    ready("a1", "a2");
    QueuedCall gone = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    Instant now = clock.instant();
    // The caller hung up a moment after their look read them WAITING.
    queues.ended(gone.id(), EntryEnd.ABANDONED);

    assertEquals(
        Optional.empty(),
        store.reserveFirst(gone.id(), List.of("a1", "a2"), now, now.plusSeconds(15)));
    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
    assertEquals(OfficerStatus.READY, queues.officer("a2").orElseThrow().status());
    assertEquals(Optional.empty(), store.ringing(gone.id()));
  }

  @Test
  void thePickOrderIsLongestIdleFirstWithOfficersTheCallerAlreadyTriedLast() {
    ready("a1", "c5", "a2", "s1");
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    assertEquals("a1", ringing(call));
    queues.offerEnded(ringingOffer(call), OfferResult.NO_ANSWER);

    QueuedCall tried = store.entry(call.id()).orElseThrow();
    Router router = new Router(SampleEscalations.settings());
    // c5 has no general skill; s1 holds general:1, which the general queue reaches at once.
    assertEquals(
        List.of("a2", "s1", "a1"), router.pickOrder(tried, store.readyOfficers(), clock.instant()));
    assertEquals("a2", ringing(call));
  }

  @Test
  void aCallersLookReadsOnlyTheCallersAheadOfThem() {
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    QueuedCall middle = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    QueuedCall stolen = queues.enqueue(caller("call-4", "fa", EscalationReason.CARD_STOLEN));

    assertEquals(
        List.of(stolen.id(), first.id()),
        store.waitingAhead(null, middle, 10, clock.instant()).stream().map(QueuedCall::id).toList(),
        "the priority caller who came later, then the one who came first; nobody behind");
    assertEquals(
        List.of(first.id()),
        store.waitingAhead(stolen, middle, 10, clock.instant()).stream()
            .map(QueuedCall::id)
            .toList());
    assertEquals(List.of(), store.waitingAhead(null, stolen, 10, clock.instant()));
  }

  @Test
  void aRefusalOffersTheCallToTheNextOfficerWithoutCountingAMiss() {
    ready("a1", "a2");
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    queues.offerEnded(ringingOffer(call), OfferResult.REFUSED);

    assertEquals("a2", ringing(call));
    assertEquals(0, queues.officer("a1").orElseThrow().missesInRow());
  }

  @Test
  void anOfficerWhoMissesThreeOffersInARowIsSetAwayAndNeverLeftReserved() {
    ready("a1");
    for (int call = 1; call <= 3; call++) {
      QueuedCall waiting = queues.enqueue(caller("call-" + call, "fa", EscalationReason.ASKED));
      assertEquals("a1", ringing(waiting));
      clock.advanceSeconds(16);
      queues.dispatch();
      queues.ended(waiting.id(), EntryEnd.ABANDONED);
    }

    OfficerState a1 = queues.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.AWAY, a1.status());
    assertEquals(3, a1.missesInRow());
    QueuedCall next = queues.enqueue(caller("call-4", "fa", EscalationReason.ASKED));
    assertInstanceOf(WaitState.Waiting.class, queues.status(next.id()));
  }

  @Test
  void anAnswerResetsTheMissesAndTheOfficerIsFreeAgainWhenTheCallEnds() {
    ready("a1");
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    ringing(first);
    clock.advanceSeconds(16);
    queues.dispatch();
    Offer again = ringingOffer(first);
    queues.offerEnded(again, OfferResult.ANSWERED);

    assertEquals(new WaitState.Gone(EntryStatus.CONNECTED), queues.status(first.id()));
    OfficerState busy = queues.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.BUSY, busy.status());
    assertEquals(0, busy.missesInRow());
    assertFalse(queues.setStatus("a1", OfficerStatus.AWAY), "a call drives a busy officer");

    clock.advanceSeconds(90);
    queues.ended(first.id(), EntryEnd.COMPLETED);
    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
  }

  /** The same store's queues, with officers going to WRAP_UP when a call ends. */
  private Escalations wrappingUpAfterCalls() {
    return new Escalations(
        SampleEscalations.settings(
            SampleEscalations.config("phonebank.escalation.wrap-up-after-call", "true")),
        store,
        clock,
        "node-1");
  }

  @Test
  void withWrapUpAfterCallTheOfficerWritesTheCallUpBeforeTheNextCaller() {
    Escalations wrapping = wrappingUpAfterCalls();
    assertTrue(wrapping.setStatus("a1", OfficerStatus.READY));
    QueuedCall first = wrapping.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    Offer offer = assertInstanceOf(WaitState.Ringing.class, wrapping.status(first.id())).offer();
    assertEquals(Optional.of(offer), wrapping.ringingFor("a1"));
    wrapping.offerEnded(offer, OfferResult.ANSWERED);
    assertEquals(Optional.empty(), wrapping.ringingFor("a1"), "answered: no longer ringing");
    wrapping.ended(first.id(), EntryEnd.COMPLETED);

    OfficerState writing = wrapping.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.WRAP_UP, writing.status());
    assertEquals(0, writing.entryId());
    QueuedCall next = wrapping.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    assertInstanceOf(
        WaitState.Waiting.class, wrapping.status(next.id()), "no call while wrapping up");

    assertTrue(wrapping.setStatus("a1", OfficerStatus.READY));
    assertEquals("a1", ringing(next));
  }

  @Test
  void aCallerWhoLeavesWhileRingingFreesTheOfficerToReadyNotWrapUp() {
    Escalations wrapping = wrappingUpAfterCalls();
    assertTrue(wrapping.setStatus("a1", OfficerStatus.READY));
    QueuedCall call = wrapping.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    ringing(call);
    wrapping.ended(call.id(), EntryEnd.ABANDONED);
    assertEquals(OfficerStatus.READY, wrapping.officer("a1").orElseThrow().status());
  }

  @Test
  void anOfficerMayChooseWrapUpAndIsOfferedNothingThen() {
    ready("a1");
    assertTrue(queues.setStatus("a1", OfficerStatus.WRAP_UP));
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    assertInstanceOf(WaitState.Waiting.class, queues.status(call.id()));
    assertEquals(Optional.empty(), queues.ringingFor("a1"));
  }

  @Test
  void aCallerWhoHangsUpWhileTheOfficerRingsFreesTheOfficer() {
    ready("a1");
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    ringing(call);

    queues.ended(call.id(), EntryEnd.ABANDONED);

    assertEquals(OfficerStatus.READY, queues.officer("a1").orElseThrow().status());
    assertEquals(EntryEnd.ABANDONED, endOf(call.id()).orElseThrow());
    assertEquals(List.of(), store.overdue(clock.instant().plusSeconds(60)));
  }

  @Test
  void noOfficerIsOfferedTwoCallersAndNoCallerRingsTwoOfficers() {
    ready("a1", "a2", "s1");
    for (int i = 0; i < 10; i++) {
      queues.enqueue(caller("call-" + i, "fa", EscalationReason.ASKED));
    }
    List<Offer> offers = queues.dispatch();
    List<Offer> more = queues.dispatch();

    assertEquals(3, offers.size());
    assertEquals(List.of(), more);
    assertEquals(3, offers.stream().map(Offer::officerId).distinct().count());
    assertEquals(3, offers.stream().map(Offer::entryId).distinct().count());
  }

  @Test
  void positionAndEstimateFollowTheQueueAndRecentHandlingTimes() {
    ready("a1");
    QueuedCall talking = queues.enqueue(caller("call-0", "fa", EscalationReason.ASKED));
    queues.offerEnded(ringingOffer(talking), OfferResult.ANSWERED);
    clock.advanceSeconds(240);
    queues.ended(talking.id(), EntryEnd.COMPLETED);
    assertTrue(queues.setStatus("a1", OfficerStatus.AWAY));
    ready("a2");
    assertTrue(queues.setStatus("a2", OfficerStatus.AWAY));
    assertTrue(queues.setStatus("a1", OfficerStatus.READY));
    assertTrue(queues.setStatus("a2", OfficerStatus.READY));
    QueuedCall busyA1 = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    QueuedCall busyA2 = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    queues.offerEnded(ringingOffer(busyA1), OfferResult.ANSWERED);
    queues.offerEnded(ringingOffer(busyA2), OfferResult.ANSWERED);

    QueuedCall third = queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    QueuedCall fourth = queues.enqueue(caller("call-4", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    QueuedCall fifth = queues.enqueue(caller("call-5", "fa", EscalationReason.ASKED));

    // Two officers at work on general (a1, a2; s1 logged out), one handled call of 240 s:
    // positions 1 and 2 wait about one round (4 min), position 3 two rounds (8 min).
    assertEquals(new WaitState.Waiting(1, minutes(4)), queues.status(third.id()));
    assertEquals(new WaitState.Waiting(2, minutes(4)), queues.status(fourth.id()));
    assertEquals(new WaitState.Waiting(3, minutes(8)), queues.status(fifth.id()));
  }

  @Test
  void theEstimateReadsTheQueuesHandlingTimesAgainOnlyAfterTheRefreshInterval() {
    ready("a1");
    QueuedCall talking = queues.enqueue(caller("call-0", "fa", EscalationReason.ASKED));
    queues.offerEnded(ringingOffer(talking), OfferResult.ANSWERED);
    clock.advanceSeconds(240);
    queues.ended(talking.id(), EntryEnd.COMPLETED);
    assertTrue(queues.setStatus("a1", OfficerStatus.AWAY));
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    // Nobody at work (counted as one): one round of 240 s.
    assertEquals(new WaitState.Waiting(1, minutes(4)), queues.status(first.id()));
    Instant read = clock.instant();

    ready("a1");
    queues.offerEnded(ringingOffer(first), OfferResult.ANSWERED);
    clock.advanceSeconds(10);
    queues.ended(first.id(), EntryEnd.COMPLETED);
    assertTrue(queues.setStatus("a1", OfficerStatus.AWAY));
    QueuedCall second = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    clock.advance(java.time.Duration.between(clock.instant(), read.plusSeconds(29)));
    assertEquals(
        new WaitState.Waiting(1, minutes(4)),
        queues.status(second.id()),
        "handling times as read 29 s ago (handling-refresh-seconds 30)");
    clock.advanceSeconds(1);
    assertEquals(
        new WaitState.Waiting(1, minutes(3)),
        queues.status(second.id()),
        "read again: (240 s + 10 s) / 2 = 125 s, about 3 minutes");
  }

  @Test
  void aCallbackKeepsTheCallersPlace() {
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(5);
    QueuedCall second = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    queues.callback(first.id(), "09121234567");

    assertEquals(2, ((WaitState.Waiting) queues.status(second.id())).position());
    ready("a1");
    assertEquals("a1", ringing(first));
  }

  @Test
  void callersOfANodeThatStoppedAreEndedByTheSystemAndCallbacksKept() {
    ready("a1");
    QueuedCall ringingCaller = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    ringing(ringingCaller);
    QueuedCall holding = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    QueuedCall callback = queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    queues.callback(callback.id(), "09121234567");

    Escalations restarted = new Escalations(SampleEscalations.settings(), store, clock, "node-1");
    assertEquals(new NodeWatch.TakeOver(2, 0), restarted.start());

    assertEquals(EntryEnd.SYSTEM, endOf(ringingCaller.id()).orElseThrow());
    assertEquals(EntryEnd.SYSTEM, endOf(holding.id()).orElseThrow());
    assertEquals(OfficerStatus.READY, restarted.officer("a1").orElseThrow().status());
    assertEquals("a1", ringingOffer(restarted, callback).officerId());
  }

  @Test
  void anOfficerIdThatDoesNotExistIsAClearError() {
    IllegalArgumentException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> queues.setStatus("x9", OfficerStatus.READY));
    assertEquals("No officer with id 'x9'.", error.getMessage());
  }

  @Test
  void aCallbackNumberThatIsNotAPhoneNumberIsRefusedAndThePlaceKept() {
    QueuedCall call = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> queues.callback(call.id(), "12*4"));

    assertTrue(store.entry(call.id()).orElseThrow().callbackNumber().isEmpty());
    assertInstanceOf(WaitState.Waiting.class, queues.status(call.id()));
  }

  @Test
  void settingsOfTheSampleRouteEveryReason() {
    EscalationSettings settings = SampleEscalations.settings(Map.of());
    assertEquals("fraud", settings.queueFor(EscalationReason.CARD_STOLEN).name());
    assertEquals(9, settings.queueFor(EscalationReason.CARD_STOLEN).priority());
  }

  @Test
  void figuresPerQueueAndPerOfficerFollowTheCalls() {
    Instant start = clock.instant();
    ready("a1");
    QueuedCall first = queues.enqueue(caller("call-1", "fa", EscalationReason.ASKED));
    assertEquals("a1", ringing(first));
    clock.advanceSeconds(10);
    ready("a2");
    clock.advanceSeconds(5);
    // a1 rang past the timeout: a2, idle longer now, takes the first caller; a1 the second.
    Offer toA2 = ringingOffer(first);
    assertEquals("a2", toA2.officerId());
    QueuedCall second = queues.enqueue(caller("call-2", "fa", EscalationReason.ASKED));
    assertEquals("a1", ringing(second));
    clock.advanceSeconds(4);
    queues.offerEnded(toA2, OfferResult.ANSWERED);
    clock.advanceSeconds(15);
    queues.ended(second.id(), EntryEnd.ABANDONED);
    QueuedCall third = queues.enqueue(caller("call-3", "fa", EscalationReason.ASKED));
    queues.callback(third.id(), "09121234567");
    clock.advanceSeconds(65);
    queues.ended(first.id(), EntryEnd.COMPLETED);

    Figures.Period day = new Figures.Period(start, clock.instant().plusSeconds(1));
    assertEquals(
        List.of(
            new QueueFigures(
                "general",
                3,
                1,
                1,
                java.time.Duration.ofSeconds(19),
                1,
                java.time.Duration.ofSeconds(20),
                java.time.Duration.ofSeconds(80),
                1,
                0,
                0)),
        queues.queueFigures(day));
    assertEquals(
        List.of(
            // a1: missed the first caller, and the second hung up while a1's phone rang.
            new OfficerFigures(
                "a1", 2, 0, 0, 1, 1, 0, java.time.Duration.ZERO, java.time.Duration.ZERO, 0),
            // a2: answered the first caller 20 s after they joined (within the 20 s level).
            new OfficerFigures(
                "a2",
                1,
                1,
                0,
                0,
                0,
                1,
                java.time.Duration.ofSeconds(20),
                java.time.Duration.ofSeconds(80),
                0)),
        queues.officerFigures(day));
  }

  /**
   * A look reads only the callers ahead who could take one of the free officers, stops reading once
   * none the caller could take is left, and reads nothing when the caller can take none of them at
   * all: on a random queue (languages, queues, waits widening the tiers, officers already tried,
   * random officers free) every waiting caller's choices are those of a look reading every caller
   * ahead, and the store's narrowed read is its full read filtered. Both read the callers ahead in
   * pages that grow from a few callers; their answer is the plan over every caller ahead read at
   * once.
   */
  @Test
  void aNarrowedLookDecidesAsALookReadingEveryCallerAhead() {
    java.util.Random random = new java.util.Random(20261201L);
    List<String> officers = List.of("a1", "a2", "c5", "c2", "f4", "s1");
    EscalationReason[] reasons = EscalationReason.values();
    EscalationSettings settings = SampleEscalations.settings();
    int compared = 0;
    int rung = 0;
    int narrower = 0;
    for (int phase = 0; phase < 10; phase++) {
      for (int i = 0; i < 6; i++) {
        queues.enqueue(
            caller(
                "call-" + phase + "-" + i,
                random.nextBoolean() ? "fa" : "en",
                reasons[random.nextInt(reasons.length)]));
        clock.advanceSeconds(random.nextInt(25));
      }
      List<String> shuffled = new java.util.ArrayList<>(officers);
      java.util.Collections.shuffle(shuffled, random);
      for (String officer : shuffled) {
        queues.setStatus(
            officer, random.nextInt(3) == 0 ? OfficerStatus.AWAY : OfficerStatus.READY);
        clock.advanceSeconds(1);
      }
      // Some callers ring and are refused or not answered, so they carry officers they tried.
      List<QueuedCall> waiting = store.waiting();
      for (int i = 0; i < 3 && !waiting.isEmpty(); i++) {
        QueuedCall some = waiting.get(random.nextInt(waiting.size()));
        if (queues.status(some.id()) instanceof WaitState.Ringing ringing) {
          queues.offerEnded(
              ringing.offer(), random.nextBoolean() ? OfferResult.REFUSED : OfferResult.NO_ANSWER);
        }
      }
      Instant now = clock.instant();
      List<OfficerState> ready = store.readyOfficers();
      CallerFilter filter =
          CallerFilter.reaching(
              settings.officers().stream()
                  .filter(o -> ready.stream().anyMatch(r -> r.officerId().equals(o.id())))
                  .toList(),
              settings.queues());
      for (QueuedCall caller : store.waiting()) {
        List<String> all = queues.choicesFor(caller, ready, now, false);
        assertEquals(
            all, queues.choicesFor(caller, ready, now, true), "choices of " + caller.callId());
        assertEquals(
            all,
            queues.choicesFor(caller, ready, store.look(caller.id(), now).head(), now, true),
            "choices of " + caller.callId() + " from the look's head");
        assertEquals(
            plannedOverEveryCallerAhead(settings, caller, ready, now),
            all,
            "choices of " + caller.callId() + " read in pages");
        compared++;
        rung += all.isEmpty() ? 0 : 1;
        List<QueuedCall> ahead = store.waitingAhead(null, caller, 1000, now);
        List<QueuedCall> admitted = ahead.stream().filter(filter::admits).toList();
        assertEquals(
            admitted.stream().map(QueuedCall::id).toList(),
            store.waitingAhead(null, caller, 1000, now, filter).stream()
                .map(QueuedCall::id)
                .toList(),
            "callers ahead of " + caller.callId() + " admitted by " + filter);
        narrower += admitted.size() < ahead.size() ? 1 : 0;
      }
    }
    assertTrue(compared > 100, "compared " + compared);
    assertTrue(rung > 0 && rung < compared, "callers with an officer: " + rung + "/" + compared);
    assertTrue(narrower > 0, "reads the filter narrowed: " + narrower);
  }

  /** The caller's choices planned over every caller ahead read at once, in one page. */
  private List<String> plannedOverEveryCallerAhead(
      EscalationSettings settings, QueuedCall caller, List<OfficerState> ready, Instant now) {
    Router router = new Router(settings);
    List<OfficerState> free = new java.util.ArrayList<>(ready);
    for (Router.Match match : router.plan(store.waitingAhead(null, caller, 1000, now), free, now)) {
      free.removeIf(officer -> officer.officerId().equals(match.officerId()));
    }
    return router.pickOrder(caller, free, now);
  }

  private static Offer ringingOffer(Escalations queues, QueuedCall call) {
    return assertInstanceOf(WaitState.Ringing.class, queues.status(call.id())).offer();
  }

  private static java.time.Duration minutes(long minutes) {
    return java.time.Duration.ofMinutes(minutes);
  }
}
