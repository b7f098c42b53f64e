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
 * Two nodes over one store, a scripted clock, no sleeps: node-1 holds callers and places a
 * callback, then stops beating; node-2, beating every 10 s, takes over once node-1 has been silent
 * for more than 30 s. Ring timeout 60 s, so no offer is overdue meanwhile: what frees the officers
 * is the take-over, not the ring-no-answer sweep.
 */
public abstract class NodeWatchContract {

  protected final ScriptedClock clock = new ScriptedClock(Instant.parse("2026-03-21T06:00:00Z"));
  private final CallbackNumbers numbers = CallbackNumbers.ephemeral();
  private EscalationStore firstStore;
  private Escalations node1;
  private Escalations node2;

  /** A fresh, empty store: node-1's. */
  protected abstract EscalationStore newStore();

  /** A second store over the same data, as another node opens it (the same one in memory). */
  protected abstract EscalationStore secondStore();

  /** How the entry ended as the store recorded it, empty while it lasts. */
  protected abstract Optional<EntryEnd> endOf(long entryId);

  private static EscalationSettings settings() {
    Map<String, String> keys = SampleEscalations.config();
    keys.put("phonebank.escalation.ring-timeout-seconds", "60");
    keys.put("phonebank.escalation.heartbeat-interval-seconds", "10");
    keys.put("phonebank.escalation.node-dead-after-seconds", "30");
    return SampleEscalations.settings(keys);
  }

  @BeforeEach
  void twoNodesStart() {
    firstStore = newStore();
    node1 = new Escalations(settings(), firstStore, clock, "node-1", numbers);
    node2 = new Escalations(settings(), secondStore(), clock, "node-2", numbers);
    node1.start();
    node2.start();
  }

  private long leftANumber(String callId) {
    long id = node1.enqueue(caller(callId, "fa", EscalationReason.ASKED)).id();
    node1.callback(id, "09121234567");
    return id;
  }

  /** node-2 beats every 10 s for {@code seconds}; node-1 is silent. The rounds, in order. */
  private List<NodeWatch.Round> onlyNode2BeatsFor(int seconds) {
    List<NodeWatch.Round> rounds = new java.util.ArrayList<>();
    for (int t = 10; t <= seconds; t += 10) {
      clock.advanceSeconds(10);
      rounds.add(node2.nodeWatch().beat());
    }
    return rounds;
  }

  @Test
  void aSilentNodesCallersEndBySystemItsOffersAreReleasedAndItsCallbacksKept() {
    node1.setStatus("a2", OfficerStatus.READY);
    long dialled = leftANumber("cb-dialled");
    assertEquals(1, node1.dispatchCallbacks().size());
    List<CallbackCall> placing = node1.callbacks().claim();
    assertEquals(1, placing.size(), "node-1 is placing the callback to a2");
    node1.setStatus("a1", OfficerStatus.READY);
    long rings = node1.enqueue(caller("rings", "fa", EscalationReason.ASKED)).id();
    assertInstanceOf(WaitState.Ringing.class, node1.status(rings));
    long holds = node1.enqueue(caller("holds", "fa", EscalationReason.ASKED)).id();
    assertInstanceOf(WaitState.Waiting.class, node1.status(holds));
    long kept = leftANumber("cb-kept");

    List<NodeWatch.Round> rounds = onlyNode2BeatsFor(40);
    for (NodeWatch.Round early : rounds.subList(0, 3)) {
      assertFalse(early.isNews(), "silent for 30 s or less is not dead: " + early);
    }
    assertEquals(new NodeWatch.Round(false, List.of("node-1"), 2, 1), rounds.get(3));

    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(rings));
    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(holds));
    for (String officer : List.of("a1", "a2")) {
      OfficerState state = node2.officer(officer).orElseThrow();
      assertEquals(OfficerStatus.READY, state.status(), officer + " is not left reserved");
      assertEquals(0, state.missesInRow(), officer + " missed nothing");
    }
    assertEquals(Optional.empty(), node2.ringingFor("a1"));
    assertEquals(EntryStatus.WAITING, node2.entryOf(dialled).orElseThrow().status());
    assertEquals(EntryStatus.WAITING, node2.entryOf(kept).orElseThrow().status());
    QueueFigures general =
        node2
            .queueFigures(new Figures.Period(clock.instant().minusSeconds(60), clock.instant()))
            .get(0);
    assertEquals(2, general.endedBySystem());
    assertEquals(4, general.offered());

    // Both callbacks are node-2's to dial now; the stopped call counted as an attempt.
    assertEquals(2, node2.dispatchCallbacks().size());
    Map<Long, Integer> attempts = new java.util.HashMap<>();
    for (CallbackCall call : node2.callbacks().claim()) {
      attempts.put(call.claim().entryId(), call.claim().attemptNo());
    }
    assertEquals(Map.of(dialled, 2, kept, 1), attempts);
  }

  @Test
  void aNodeRestartedUnderItsOwnIdTakesOverFromItsLastRunBeforeItAnswers() {
    node1.setStatus("a1", OfficerStatus.READY);
    long talking = leftANumber("cb-talking");
    node1.dispatchCallbacks();
    node1.callbacks().officerAnswered(node1.callbacks().claim().get(0));
    node1.setStatus("a2", OfficerStatus.READY);
    long dialled = leftANumber("cb-dialled");
    node1.dispatchCallbacks();
    assertEquals(1, node1.callbacks().claim().size(), "node-1 is placing the callback to a2");
    node1.setStatus("s1", OfficerStatus.READY);
    long rings = node1.enqueue(caller("rings", "fa", EscalationReason.ASKED)).id();
    assertInstanceOf(WaitState.Ringing.class, node1.status(rings));
    long holds = node1.enqueue(caller("holds", "fa", EscalationReason.ASKED)).id();
    assertInstanceOf(WaitState.Waiting.class, node1.status(holds));

    // Killed and started again within node-dead-after: node-2 sees node-1 beat on, so the take-over
    // is the restarted node's own.
    clock.advanceSeconds(5);
    Escalations restarted = new Escalations(settings(), secondStore(), clock, "node-1", numbers);
    assertEquals(new NodeWatch.TakeOver(2, 1), restarted.start());
    clock.advanceSeconds(5);
    assertFalse(node2.nodeWatch().beat().isNews());

    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(rings));
    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(holds));
    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(talking), "its bridged callback ended");
    for (String officer : List.of("a1", "a2", "s1")) {
      OfficerState state = restarted.officer(officer).orElseThrow();
      assertEquals(OfficerStatus.READY, state.status(), officer + " is not left reserved or busy");
      assertEquals(0, state.missesInRow(), officer + " missed nothing");
    }
    assertEquals(Optional.empty(), restarted.ringingFor("s1"));
    assertEquals(EntryStatus.WAITING, restarted.entryOf(dialled).orElseThrow().status());
    assertEquals(1, restarted.dispatchCallbacks().size());
    assertEquals(2, restarted.callbacks().claim().get(0).claim().attemptNo());
  }

  @Test
  void aNodeThatBeatsInTimeIsNeverTakenOver() {
    long holds = node1.enqueue(caller("holds", "fa", EscalationReason.ASKED)).id();
    for (int i = 0; i < 10; i++) {
      clock.advanceSeconds(25);
      assertFalse(node1.nodeWatch().beat().isNews());
      assertFalse(node2.nodeWatch().beat().isNews());
    }
    assertEquals(Optional.empty(), endOf(holds));
  }

  @Test
  void aNodeWhoseClockIsMinutesBehindIsNotTakenOverWhileItBeats() {
    ScriptedClock behind = new ScriptedClock(clock.instant().minusSeconds(300));
    Escalations late = new Escalations(settings(), firstStore, behind, "node-behind", numbers);
    late.start();
    long holds = late.enqueue(caller("holds", "fa", EscalationReason.ASKED)).id();
    for (int i = 0; i < 10; i++) {
      clock.advanceSeconds(10);
      behind.advanceSeconds(10);
      late.nodeWatch().beat();
      NodeWatch.Round round = node2.nodeWatch().beat();
      assertFalse(round.deadNodes().contains("node-behind"), round.toString());
    }
    assertEquals(Optional.empty(), endOf(holds));
  }

  @Test
  void aCallbackTheSilentNodeHadBridgedEndsBySystemAndFreesTheOfficer() {
    node1.setStatus("a2", OfficerStatus.READY);
    long dialled = leftANumber("cb-talking");
    node1.dispatchCallbacks();
    CallbackCall call = node1.callbacks().claim().get(0);
    node1.callbacks().officerAnswered(call);
    assertEquals(OfficerStatus.BUSY, node2.officer("a2").orElseThrow().status());

    assertEquals(new NodeWatch.Round(false, List.of("node-1"), 0, 0), onlyNode2BeatsFor(40).get(3));

    assertEquals(Optional.of(EntryEnd.SYSTEM), endOf(dialled));
    assertEquals(OfficerStatus.READY, node2.officer("a2").orElseThrow().status());
  }

  @Test
  void aNodeTakenOverLearnsItAtItsNextBeatAndIsTakenOverOnce() {
    node1.enqueue(caller("holds", "fa", EscalationReason.ASKED));
    Escalations node3 = new Escalations(settings(), secondStore(), clock, "node-3", numbers);
    node3.start();
    int takenOver = 0;
    for (int t = 10; t <= 40; t += 10) {
      clock.advanceSeconds(10);
      takenOver += node2.nodeWatch().beat().deadNodes().size();
      takenOver += node3.nodeWatch().beat().deadNodes().size();
    }
    assertEquals(1, takenOver, "node-1 taken over once, by node-2, then forgotten");

    NodeWatch.Round back = node1.nodeWatch().beat();
    assertTrue(back.wasForgotten());
    assertEquals(List.of(), back.deadNodes());
  }
}
