// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.escalation.SampleEscalations.caller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback rules against a scripted clock, on every store: a callback keeps its caller's place,
 * is claimed by exactly one node once an officer is reserved for it, is tried again after the
 * spacing when the customer is not reached (not the officer's miss), fails after the last attempt,
 * expires, and is cancelled when the caller calls again. Officers a1, a2 (general) as in {@link
 * SampleEscalations}; 2 attempts 120 s apart, expiry one hour.
 */
public abstract class CallbacksContract {

  private static final String NUMBER = "09121234567";

  protected final ScriptedClock clock = new ScriptedClock(Instant.parse("2026-03-21T06:00:00Z"));
  protected EscalationStore store;
  private final CallbackNumbers numbers = CallbackNumbers.ephemeral();
  private Escalations queues;
  private Callbacks callbacks;

  /** A fresh, empty store. */
  protected abstract EscalationStore newStore();

  /** How the entry ended as the store recorded it, empty while it lasts. */
  protected abstract Optional<EntryEnd> endOf(long entryId);

  private static EscalationSettings settings() {
    Map<String, String> keys = SampleEscalations.config();
    keys.put("phonebank.escalation.callback-attempts", "2");
    keys.put("phonebank.escalation.callback-spacing-seconds", "120");
    keys.put("phonebank.escalation.callback-expiry-seconds", "3600");
    return SampleEscalations.settings(keys);
  }

  @BeforeEach
  void enrolTheOfficers() {
    store = newStore();
    queues = new Escalations(settings(), store, clock, "node-1", numbers);
    queues.start();
    callbacks = queues.callbacks();
  }

  /** A caller in the general queue who left {@link #NUMBER} and hung up. */
  private QueuedCall leftANumber(String callId) {
    QueuedCall entry = queues.enqueue(caller(callId, "fa", EscalationReason.ASKED));
    queues.callback(entry.id(), NUMBER);
    clock.advanceSeconds(1);
    return entry;
  }

  private CallbackCall onlyCall() {
    queues.dispatch();
    List<CallbackCall> calls = callbacks.claim();
    assertEquals(1, calls.size(), "one callback to place");
    return calls.get(0);
  }

  @Test
  void aCallbackKeepsItsPlaceAndIsPlacedWhenAnOfficerIsFree() {
    QueuedCall first = leftANumber("cb-1");
    QueuedCall second = queues.enqueue(caller("live-2", "fa", EscalationReason.ASKED));
    assertTrue(callbacks.claim().isEmpty(), "no officer is free yet");

    queues.setStatus("a2", OfficerStatus.READY);
    CallbackCall call = onlyCall();

    assertEquals(first.id(), call.claim().entryId(), "the callback is ahead of the later caller");
    assertEquals(NUMBER, call.number());
    assertEquals("user/a2", call.officerEndpoint());
    assertEquals(1, call.claim().attemptNo());
    assertInstanceOf(WaitState.Waiting.class, queues.status(second.id()));
    assertTrue(callbacks.claim().isEmpty(), "claimed once");
    assertFalse(call.toString().contains(NUMBER));
  }

  @Test
  void theStoreKeepsTheNumberSealedAndOnlyTheKeyOpensIt() {
    QueuedCall entry = leftANumber("cb-1");

    String kept = store.entry(entry.id()).orElseThrow().callbackNumber().orElseThrow();
    assertFalse(kept.contains(NUMBER), kept);
    assertEquals(NUMBER, numbers.open(kept));
    assertThrows(IllegalArgumentException.class, () -> CallbackNumbers.ephemeral().open(kept));
  }

  @Test
  void aBadCallbackNumberIsRefusedAndNothingIsStored() {
    QueuedCall entry = queues.enqueue(caller("cb-1", "fa", EscalationReason.ASKED));

    assertThrows(IllegalArgumentException.class, () -> queues.callback(entry.id(), "12"));
    assertTrue(store.entry(entry.id()).orElseThrow().callbackNumber().isEmpty());
  }

  @Test
  void aCustomerNotReachedIsTriedAgainAfterTheSpacingWithoutCountingTheOfficerAMiss() {
    QueuedCall entry = leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    CallbackCall first = onlyCall();

    callbacks.notReached(first, "NO_ANSWER");

    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    assertEquals(0, store.officer("a2").orElseThrow().missesInRow());
    queues.dispatch();
    assertTrue(callbacks.claim().isEmpty(), "not before the spacing");
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    clock.advanceSeconds(120);
    CallbackCall second = onlyCall();
    assertEquals(entry.id(), second.claim().entryId());
    assertEquals(2, second.claim().attemptNo());
    assertEquals("user/a2", second.officerEndpoint(), "the same officer may place it again");
  }

  @Test
  void afterTheLastAttemptTheCallbackFails() {
    QueuedCall entry = leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    callbacks.notReached(onlyCall(), "USER_BUSY");
    clock.advanceSeconds(121);

    callbacks.notReached(onlyCall(), "NO_ANSWER");

    assertEquals(Optional.of(EntryEnd.CALLBACK_FAILED), endOf(entry.id()));
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    clock.advanceSeconds(600);
    queues.dispatch();
    assertTrue(callbacks.claim().isEmpty());
  }

  @Test
  void aCallbackAnsweredAndBridgedCompletesAndFreesTheOfficer() {
    QueuedCall entry = leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    CallbackCall call = onlyCall();
    // The customer's phone and the officer's ring for longer than the ring timeout: the claim
    // moved the deadline, so no routing round ends the offer meanwhile.
    clock.advance(Duration.ofSeconds(30));
    queues.dispatch();
    assertEquals(OfficerStatus.RESERVED, store.officer("a2").orElseThrow().status());

    callbacks.officerAnswered(call);
    assertEquals(OfficerStatus.BUSY, store.officer("a2").orElseThrow().status());
    clock.advanceSeconds(90);
    callbacks.ended(call);

    assertEquals(Optional.of(EntryEnd.CALLBACK_COMPLETED), endOf(entry.id()));
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    assertEquals(0, store.officer("a2").orElseThrow().missesInRow());
    // The figures count it as requested and completed, in the queue and for the officer.
    Figures.Period day =
        new Figures.Period(Instant.parse("2026-03-21T00:00:00Z"), clock.instant().plusSeconds(1));
    QueueFigures general = queues.queueFigures(day).get(0);
    assertEquals(1, general.callbacksRequested());
    assertEquals(1, general.callbacksCompleted());
    assertEquals(1, queues.officerFigures(day).get(0).callbacksCompleted());
  }

  @Test
  void anOfficerWhoMissesACallbackCallCountsAMissAndTheNextOfficerIsTried() {
    QueuedCall entry = leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    clock.advanceSeconds(1);
    queues.setStatus("a1", OfficerStatus.READY);
    CallbackCall first = onlyCall();
    assertEquals("user/a2", first.officerEndpoint());

    callbacks.officerMissed(first, OfferResult.NO_ANSWER);

    assertEquals(1, store.officer("a2").orElseThrow().missesInRow());
    CallbackCall second = onlyCall();
    assertEquals(entry.id(), second.claim().entryId());
    assertEquals("user/a1", second.officerEndpoint());
    assertEquals(2, second.claim().attemptNo());
  }

  @Test
  void aCallbackNotPlacedWithinTheExpiryEnds() {
    QueuedCall entry = leftANumber("cb-1");
    clock.advance(Duration.ofMinutes(61));
    queues.setStatus("a2", OfficerStatus.READY);

    queues.dispatch();

    assertEquals(Optional.of(EntryEnd.CALLBACK_EXPIRED), endOf(entry.id()));
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    assertTrue(callbacks.claim().isEmpty());
  }

  @Test
  void aCallerWhoCallsAgainCancelsTheCallbackTheyWereWaitingFor() {
    QueuedCall entry = leftANumber("cb-1");
    QueuedCall other = queues.enqueue(caller("cb-2", "fa", EscalationReason.ASKED));
    queues.callback(other.id(), "02188776655");

    // The caller id may come with a leading +: the same number.
    assertEquals(1, queues.callingAgain("+" + NUMBER));

    assertEquals(Optional.of(EntryEnd.CALLBACK_CANCELLED), endOf(entry.id()));
    assertTrue(endOf(other.id()).isEmpty(), "another caller's callback stays");
    assertEquals(0, queues.callingAgain("anonymous"));
  }

  @Test
  void twoNodesClaimingTheSameCallbackPlaceItOnce() {
    leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    queues.dispatch();
    Offer offer = store.unclaimedCallbacks().get(0);
    Instant deadline = clock.instant().plusSeconds(45);

    Optional<CallbackClaim> one =
        store.claimCallback(offer.id(), "node-1", clock.instant(), deadline);
    Optional<CallbackClaim> two =
        store.claimCallback(offer.id(), "node-2", clock.instant(), deadline);

    assertTrue(one.isPresent());
    assertTrue(two.isEmpty());
    assertTrue(store.unclaimedCallbacks().isEmpty());
  }

  /**
   * A node saw the callback's offer overdue (its dialler had not claimed it within the ring time)
   * and another node's dialler then claimed it and is ringing the customer: the first node's end
   * must not take the officer back and queue the caller again under a call in progress.
   */
  @Test
  void aCallbackClaimedAfterItWasSeenOverdueIsNotEndedAsUnanswered() {
    QueuedCall entry = leftANumber("cb-1");
    queues.setStatus("a2", OfficerStatus.READY);
    queues.dispatch();
    Offer offer = store.unclaimedCallbacks().get(0);
    clock.advanceSeconds(16);
    assertEquals(
        List.of(offer.id()), store.overdue(clock.instant()).stream().map(Offer::id).toList());

    assertTrue(
        store
            .claimCallback(offer.id(), "node-2", clock.instant(), clock.instant().plusSeconds(45))
            .isPresent());
    assertFalse(store.expireOffer(offer.id(), 3, clock.instant()));

    assertEquals(OfficerStatus.RESERVED, store.officer("a2").orElseThrow().status());
    assertEquals(EntryStatus.RINGING, store.entry(entry.id()).orElseThrow().status());
    assertEquals(Optional.of(offer.id()), store.ringing(entry.id()).map(Offer::id));
    clock.advanceSeconds(46);
    assertTrue(store.expireOffer(offer.id(), 3, clock.instant()), "overdue again, it is ended");
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
  }

  @Test
  void theDiallersRoundReservesNoOfficerForACallerOnHoldAndKeepsTheirOrder() {
    QueuedCall onHold = queues.enqueue(caller("live-1", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(1);
    QueuedCall callback = leftANumber("cb-2");
    queues.setStatus("a2", OfficerStatus.READY);

    assertTrue(queues.dispatchCallbacks().isEmpty(), "a2 is the caller on hold's, ahead");
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());

    queues.setStatus("a1", OfficerStatus.READY);
    List<Offer> made = queues.dispatchCallbacks();
    assertEquals(1, made.size());
    assertEquals(callback.id(), made.get(0).entryId());
    assertInstanceOf(WaitState.Ringing.class, queues.status(onHold.id()));
  }
}
