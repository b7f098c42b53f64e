// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phonebank.banking.ReversalStage;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.DeadLetter;
import org.phonebank.saf.QueuedAdvice;

/** Store-and-forward in memory, with the durable queue's ordering and idempotence rules. */
public final class InMemoryAdviceQueue implements AdviceQueue {

  private final Map<Long, QueuedAdvice> armed = new LinkedHashMap<>();
  private final Map<Long, QueuedAdvice> released = new LinkedHashMap<>();
  private final Map<Long, String> acknowledged = new LinkedHashMap<>();
  private final Map<Long, DeadLetter> dead = new LinkedHashMap<>();
  private final Map<Long, QueuedAdvice> deadAdvices = new HashMap<>();
  private final Map<Long, String> closed = new LinkedHashMap<>();

  @Override
  public synchronized void arm(QueuedAdvice advice) {
    long id = advice.journalEntryId();
    if (stage(id) == null) {
      armed.put(id, advice);
    }
  }

  @Override
  public synchronized void discard(long journalEntryId) {
    armed.remove(journalEntryId);
  }

  @Override
  public synchronized void release(long journalEntryId) {
    QueuedAdvice advice = armed.remove(journalEntryId);
    if (advice != null) {
      released.put(journalEntryId, withAttempts(advice, advice.attempts(), Instant.now()));
    }
  }

  @Override
  public synchronized List<QueuedAdvice> released(int max) {
    return new ArrayList<>(released.values()).subList(0, Math.min(max, released.size()));
  }

  @Override
  public synchronized void attempted(long journalEntryId, Instant at) {
    released.computeIfPresent(
        journalEntryId, (id, a) -> withAttempts(a, a.attempts() + 1, a.releasedAt()));
  }

  @Override
  public synchronized void acknowledged(long journalEntryId, String responseCode, Instant at) {
    if (released.remove(journalEntryId) != null || armed.remove(journalEntryId) != null) {
      acknowledged.put(journalEntryId, responseCode);
    }
  }

  @Override
  public synchronized Set<Long> armed() {
    return Set.copyOf(armed.keySet());
  }

  @Override
  public synchronized Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds) {
    Map<Long, ReversalStage> stages = new HashMap<>();
    for (Long id : journalEntryIds) {
      ReversalStage stage = stage(id);
      if (stage != null) {
        stages.put(id, stage);
      }
    }
    return stages;
  }

  @Override
  public synchronized void deadLetter(long journalEntryId, String reason, Instant at) {
    QueuedAdvice advice = released.remove(journalEntryId);
    if (advice != null) {
      deadAdvices.put(journalEntryId, advice);
      dead.put(
          journalEntryId,
          new DeadLetter(
              journalEntryId,
              advice.mti(),
              advice.stan(),
              advice.rrn(),
              advice.attempts(),
              at,
              reason));
    }
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(int max) {
    return new ArrayList<>(dead.values()).subList(0, Math.min(max, dead.size()));
  }

  @Override
  public synchronized boolean retry(long journalEntryId, Instant at) {
    if (dead.remove(journalEntryId) == null) {
      return false;
    }
    QueuedAdvice advice = deadAdvices.remove(journalEntryId);
    released.put(journalEntryId, withAttempts(advice, Math.min(advice.attempts(), 1), at));
    return true;
  }

  @Override
  public synchronized boolean close(long journalEntryId, String reason, Instant at) {
    if (dead.remove(journalEntryId) == null) {
      return false;
    }
    deadAdvices.remove(journalEntryId);
    closed.put(journalEntryId, reason);
    return true;
  }

  public synchronized Map<Long, String> acknowledgedCodes() {
    return Map.copyOf(acknowledged);
  }

  private ReversalStage stage(long id) {
    if (armed.containsKey(id)) {
      return ReversalStage.ARMED;
    } else if (released.containsKey(id)) {
      return ReversalStage.RELEASED;
    } else if (acknowledged.containsKey(id)) {
      return ReversalStage.ACKNOWLEDGED;
    } else if (dead.containsKey(id)) {
      return ReversalStage.DEAD_LETTER;
    } else if (closed.containsKey(id)) {
      return ReversalStage.CLOSED;
    }
    return null;
  }

  private static QueuedAdvice withAttempts(QueuedAdvice a, int attempts, Instant releasedAt) {
    return new QueuedAdvice(
        a.journalEntryId(),
        a.mti(),
        a.stan(),
        a.rrn(),
        a.sealedMessage(),
        attempts,
        a.armedAt(),
        releasedAt);
  }
}
