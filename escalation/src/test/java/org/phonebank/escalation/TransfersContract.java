// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.escalation.SampleEscalations.caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Officers' transfers against a scripted clock, on every store (a subclass names it): to a queue
 * (back in line by priority and first arrival), to a named ready officer (rung at once), and every
 * refusal leaving the queues as they were. Officers as in {@link SampleEscalations}.
 */
public abstract class TransfersContract {

  protected final ScriptedClock clock = new ScriptedClock(Instant.parse("2026-03-21T06:00:00Z"));
  protected EscalationStore store;
  private Escalations queues;
  private Transfers transfers;
  private final List<String> released = new ArrayList<>();

  /** A fresh, empty store. */
  protected abstract EscalationStore newStore();

  @BeforeEach
  void enrolTheOfficers() {
    store = newStore();
    queues = new Escalations(SampleEscalations.settings(), store, clock, "node-1");
    queues.start();
    transfers = queues.transfers((leg, why) -> released.add(leg.uuid() + " " + why));
  }

  /** {@code officer} answers the caller {@code callId} (Persian, general queue); their offer. */
  private Offer talking(String officer, QueuedCall entry) {
    assertTrue(queues.setStatus(officer, OfficerStatus.READY));
    Offer offer = assertInstanceOf(WaitState.Ringing.class, queues.status(entry.id())).offer();
    assertEquals(officer, offer.officerId());
    clock.advanceSeconds(5);
    queues.offerEnded(offer, OfferResult.ANSWERED);
    clock.advanceSeconds(60);
    return offer;
  }

  @Test
  void aCallerSentToAnotherQueueWaitsThereInTheirFirstPlaceAndTheOfficerWrapsUp() {
    QueuedCall sara = queues.enqueue(caller("sara", "fa", EscalationReason.ASKED));
    clock.advanceSeconds(10);
    QueuedCall reza = queues.enqueue(caller("reza", "fa", EscalationReason.LOCKED_OUT));
    assertEquals("cards", reza.queue());
    Offer answered = talking("a1", sara);

    TransferOutcome outcome =
        transfers.transfer("a1", sara.id(), new TransferTarget.ToQueue("cards"));

    Transfer transfer = assertInstanceOf(TransferOutcome.Transferred.class, outcome).transfer();
    assertEquals(
        new Transfer(
            sara.id(), "a1", answered.id(), "general", "cards", Optional.empty(), clock.instant()),
        transfer);
    assertEquals(List.of(transfer), transfers.of(sara.id()));
    QueuedCall waiting = store.entry(sara.id()).orElseThrow();
    assertEquals(EntryStatus.WAITING, waiting.status());
    assertEquals("cards", waiting.queue());
    assertEquals(sara.priority(), waiting.priority());
    assertEquals(sara.enqueuedAt(), waiting.enqueuedAt());
    assertEquals(OfficerStatus.WRAP_UP, store.officer("a1").orElseThrow().status());
    assertEquals(List.of(OfficerLeg.of(answered.id()).uuid() + " TRANSFERRED"), released);

    // Sara joined before Reza, so the cards expert takes her first.
    assertTrue(queues.setStatus("c5", OfficerStatus.READY));
    Offer next = assertInstanceOf(WaitState.Ringing.class, queues.status(sara.id())).offer();
    assertEquals("c5", next.officerId());
    clock.advanceSeconds(3);
    queues.offerEnded(next, OfferResult.ANSWERED);
    clock.advanceSeconds(30);
    queues.ended(sara.id(), EntryEnd.COMPLETED);

    // The figures: one answered caller, in the queue she joined, answered by a1 15 s after joining
    // (a1 came to work 10 s after she joined and answered after 5 s), not at c5's answer.
    List<EntryFacts> facts =
        store.entryFacts(sara.enqueuedAt(), clock.instant()).stream()
            .filter(f -> f.enqueuedAt().equals(sara.enqueuedAt()))
            .toList();
    assertEquals(1, facts.size(), facts.toString());
    assertEquals("general", facts.get(0).queue());
    assertEquals(Optional.of(sara.enqueuedAt().plusSeconds(15)), facts.get(0).answeredAt());
    assertEquals(Optional.of("a1"), facts.get(0).answeredBy());
  }

  @Test
  void aCallerSentToAReadyCapableOfficerRingsThemAtOnce() {
    QueuedCall sara = queues.enqueue(caller("sara", "en", EscalationReason.ASKED));
    talking("a1", sara);
    assertTrue(queues.setStatus("a2", OfficerStatus.READY));

    TransferOutcome outcome =
        transfers.transfer("a1", sara.id(), new TransferTarget.ToOfficer("a2"));

    Offer offer =
        assertInstanceOf(TransferOutcome.Transferred.class, outcome).offered().orElseThrow();
    assertEquals("a2", offer.officerId());
    assertEquals(clock.instant().plusSeconds(15), offer.deadline());
    assertEquals(EntryStatus.RINGING, store.entry(sara.id()).orElseThrow().status());
    assertEquals("general", store.entry(sara.id()).orElseThrow().queue());
    OfficerState a2 = store.officer("a2").orElseThrow();
    assertEquals(OfficerStatus.RESERVED, a2.status());
    assertEquals(sara.id(), a2.entryId());
    WaitState.Ringing ringing = assertInstanceOf(WaitState.Ringing.class, queues.status(sara.id()));
    assertEquals(offer, ringing.offer());
  }

  @Test
  void aRefusedTransferChangesNothing() {
    QueuedCall sara = queues.enqueue(caller("sara", "en", EscalationReason.ASKED));
    talking("a1", sara);
    record Attempt(String officer, TransferTarget target, TransferOutcome.Why why) {}
    List<Attempt> attempts =
        List.of(
            new Attempt(
                "a1", new TransferTarget.ToQueue("mortgages"), TransferOutcome.Why.UNKNOWN_QUEUE),
            new Attempt(
                "a1", new TransferTarget.ToOfficer("zz9"), TransferOutcome.Why.UNKNOWN_OFFICER),
            new Attempt("a1", new TransferTarget.ToOfficer("a1"), TransferOutcome.Why.TO_YOURSELF),
            // c5 speaks Persian only; Sara chose English.
            new Attempt(
                "a1", new TransferTarget.ToOfficer("c5"), TransferOutcome.Why.OFFICER_CANNOT_SERVE),
            // a2 is logged out.
            new Attempt(
                "a1", new TransferTarget.ToOfficer("a2"), TransferOutcome.Why.OFFICER_NOT_READY),
            new Attempt(
                "a2", new TransferTarget.ToQueue("cards"), TransferOutcome.Why.NOT_YOUR_CALLER));
    for (Attempt attempt : attempts) {
      assertEquals(
          new TransferOutcome.Refused(attempt.why()),
          transfers.transfer(attempt.officer(), sara.id(), attempt.target()),
          attempt.toString());
    }
    assertEquals(EntryStatus.CONNECTED, store.entry(sara.id()).orElseThrow().status());
    assertEquals("general", store.entry(sara.id()).orElseThrow().queue());
    OfficerState a1 = store.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.BUSY, a1.status());
    assertEquals(sara.id(), a1.entryId());
    assertEquals(OfficerStatus.LOGGED_OUT, store.officer("a2").orElseThrow().status());
    assertEquals(List.of(), transfers.of(sara.id()));
    assertEquals(List.of(), released);
  }
}
