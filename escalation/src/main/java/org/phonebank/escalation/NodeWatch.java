// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's heartbeat over the shared store, and its watch over the others. Every {@code
 * heartbeat-interval} each node {@link #beat}s: it writes its own last beat, then takes over from
 * every node whose beat it has not seen change for longer than {@code node-dead-after} of its own
 * clock (never comparing another node's clock with its own, so clocks that differ between nodes
 * cannot make a live node look dead; a node is judged only once watched that long), which died with
 * its callers' lines:
 *
 * <ul>
 *   <li>the callers it held (not callbacks) are ended SYSTEM, a recorded end the figures count, and
 *       the officers it was ringing or had bridged are READY again: no officer is left RESERVED or
 *       BUSY by a node nobody hears from;
 *   <li>a callback call it was placing hands the callback back to the queue, due at once and in its
 *       place, for another node to dial (the officer READY, not their miss); one it had already
 *       bridged is ended SYSTEM like a caller's;
 *   <li>its callbacks not being placed stay as they are: any node dials them;
 *   <li>then its row is removed, unless it beat again meanwhile.
 * </ul>
 *
 * Any number of nodes may take over from the same dead node at once: every step is guarded in the
 * store, so the second finds nothing left to change. A node that was only slow (a long pause, a
 * network split) finds at its next beat that it was forgotten, writes its row again, and its
 * callers' next look at the queue finds them ended.
 */
public final class NodeWatch {

  /** What one beat found: the nodes taken over and what was done for them. */
  public record Round(
      boolean wasForgotten, List<String> deadNodes, int callersEnded, int callbacksReturned) {

    public Round {
      deadNodes = List.copyOf(deadNodes);
    }

    /** Whether anything is worth a line in the log. */
    public boolean isNews() {
      return wasForgotten || !deadNodes.isEmpty();
    }
  }

  /** The attempt's result when the node placing the call stopped. */
  static final String NODE_STOPPED = "NODE_STOPPED";

  private final EscalationSettings settings;
  private final EscalationStore store;
  private final Clock clock;
  private final String nodeId;
  private final Instant started;
  private boolean beaten;

  /**
   * Each other node's last beat as last read, and when (on this node's clock) it was first read.
   */
  private final Map<String, Seen> seen = new HashMap<>();

  private record Seen(Instant lastBeat, Instant since) {}

  NodeWatch(
      EscalationSettings settings,
      EscalationStore store,
      Clock clock,
      String nodeId,
      Instant started) {
    this.settings = Objects.requireNonNull(settings, "Escalation settings are required.");
    this.store = Objects.requireNonNull(store, "Escalation store is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
    this.nodeId = Objects.requireNonNull(nodeId, "Node id is required.");
    this.started = Objects.requireNonNull(started, "Start time is required.");
  }

  /** This node's beat, then the take-over from every node silent too long. */
  public synchronized Round beat() {
    Instant now = clock.instant();
    boolean known = store.beat(nodeId, started, now);
    boolean wasForgotten = beaten && !known;
    beaten = true;
    List<String> dead = new ArrayList<>();
    int callers = 0;
    int callbacks = 0;
    Map<String, Instant> beats = store.lastBeats();
    seen.keySet().retainAll(beats.keySet());
    for (Map.Entry<String, Instant> beat : beats.entrySet()) {
      String node = beat.getKey();
      Seen before = seen.get(node);
      if (node.equals(nodeId)) {
        continue;
      }
      if (before == null || !before.lastBeat().equals(beat.getValue())) {
        seen.put(node, new Seen(beat.getValue(), now));
        continue;
      }
      if (Duration.between(before.since(), now).compareTo(settings.nodeDeadAfter()) <= 0) {
        continue;
      }
      dead.add(node);
      TakeOver ended = takeOver(node, now);
      callers += ended.callersEnded();
      callbacks += ended.callbacksReturned();
      store.forget(node, beat.getValue());
      seen.remove(node);
    }
    return new Round(wasForgotten, dead, callers, callbacks);
  }

  /**
   * What a stopped node left, and what taking over from it did.
   *
   * @param callersEnded its callers on the line, ended SYSTEM
   * @param callbacksReturned the callback calls it was placing, back in the queue
   */
  public record TakeOver(int callersEnded, int callbacksReturned) {}

  /**
   * Ends what {@code node} held when it stopped: its callers end SYSTEM (their officers READY), and
   * each callback call it was placing goes back to the queue, or ends SYSTEM if already bridged.
   * For a node gone silent, and for this node's own last run at start.
   */
  TakeOver takeOver(String node, Instant now) {
    int callers = store.endOrphans(node, now);
    int callbacks = 0;
    for (CallbackClaim call : store.callbackCallsOf(node)) {
      callbacks += handBack(call, now) ? 1 : 0;
    }
    return new TakeOver(callers, callbacks);
  }

  /**
   * A callback call the dead node was placing: still ringing (the officer reserved), the callback
   * waits again, due now; bridged (the officer busy with it), it ends SYSTEM. Returns whether the
   * callback went back to the queue.
   */
  private boolean handBack(CallbackClaim call, Instant now) {
    Optional<QueuedCall> entry = store.entry(call.entryId());
    boolean ringing = entry.isPresent() && entry.get().status() == EntryStatus.RINGING;
    if (ringing) {
      // Guarded by the offer still ringing: an offer the sweep already ended changes nothing.
      store.callbackNotReached(call, NODE_STOPPED, now, now);
    }
    boolean talking =
        entry.isPresent()
            && entry.get().status() == EntryStatus.CONNECTED
            && store
                .officer(call.offer().officerId())
                .filter(o -> o.status() == OfficerStatus.BUSY && o.entryId() == call.entryId())
                .isPresent();
    store.callbackAttemptEnded(call.entryId(), call.attemptNo(), NODE_STOPPED, now);
    if (talking) {
      store.endEntry(call.entryId(), EntryEnd.SYSTEM, OfficerStatus.READY, now);
    }
    return ringing
        && store.entry(call.entryId()).map(e -> e.status() == EntryStatus.WAITING).orElse(false);
  }

  /** How often {@link #beat} should run: {@code heartbeat-interval-seconds}. */
  public Duration interval() {
    return settings.heartbeatInterval();
  }
}
