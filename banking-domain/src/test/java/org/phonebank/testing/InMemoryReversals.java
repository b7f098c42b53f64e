// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchRequest;

/** Reversals kept in memory: what is armed, and what was fired, in order. Nothing is sent. */
public final class InMemoryReversals implements Reversals {

  private final Set<Long> armed = new LinkedHashSet<>();
  private final List<Long> fired = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final Set<Long> acknowledged = new LinkedHashSet<>();

  @Override
  public synchronized void arm(long journalEntryId, SwitchRequest request) {
    armed.add(journalEntryId);
    events.add("arm " + journalEntryId);
  }

  @Override
  public synchronized void disarm(long journalEntryId) {
    armed.remove(journalEntryId);
    events.add("disarm " + journalEntryId);
  }

  @Override
  public synchronized void fire(long journalEntryId) {
    if (!armed.remove(journalEntryId)) {
      events.add("fire " + journalEntryId + " (not armed)");
      return;
    }
    fired.add(journalEntryId);
    events.add("fire " + journalEntryId);
  }

  @Override
  public synchronized Set<Long> armed() {
    return Set.copyOf(armed);
  }

  @Override
  public synchronized Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds) {
    Map<Long, ReversalStage> stages = new HashMap<>();
    for (Long id : journalEntryIds) {
      if (armed.contains(id)) {
        stages.put(id, ReversalStage.ARMED);
      } else if (acknowledged.contains(id)) {
        stages.put(id, ReversalStage.ACKNOWLEDGED);
      } else if (fired.contains(id)) {
        stages.put(id, ReversalStage.RELEASED);
      }
    }
    return stages;
  }

  /**
   * The switch acknowledged the fired reversal of {@code journalEntryId} (nobody told the journal).
   */
  public synchronized void acknowledge(long journalEntryId) {
    if (fired.contains(journalEntryId)) {
      acknowledged.add(journalEntryId);
    }
  }

  public synchronized List<Long> fired() {
    return List.copyOf(fired);
  }

  /** Every call in order, as "arm 1", "disarm 1", "fire 2". */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }
}
