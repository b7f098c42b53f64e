// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.QueuedAdvice;

/** Store-and-forward in memory, with the durable queue's ordering and idempotence rules. */
public final class InMemoryAdviceQueue implements AdviceQueue {

  private final Map<Long, QueuedAdvice> armed = new LinkedHashMap<>();
  private final Map<Long, QueuedAdvice> released = new LinkedHashMap<>();
  private final Map<Long, String> acknowledged = new LinkedHashMap<>();

  @Override
  public synchronized void arm(QueuedAdvice advice) {
    long id = advice.journalEntryId();
    if (!armed.containsKey(id) && !released.containsKey(id) && !acknowledged.containsKey(id)) {
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
      released.put(journalEntryId, advice);
    }
  }

  @Override
  public synchronized List<QueuedAdvice> released(int max) {
    return new ArrayList<>(released.values()).subList(0, Math.min(max, released.size()));
  }

  @Override
  public synchronized void attempted(long journalEntryId, Instant at) {
    released.computeIfPresent(
        journalEntryId,
        (id, a) ->
            new QueuedAdvice(
                id, a.mti(), a.stan(), a.rrn(), a.sealedMessage(), a.attempts() + 1, a.armedAt()));
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

  public synchronized Map<Long, String> acknowledgedCodes() {
    return Map.copyOf(acknowledged);
  }
}
