// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchRequest;

/** Reversals kept in memory: what is armed, and what was fired, in order. Nothing is sent. */
public final class InMemoryReversals implements Reversals {

  private final Set<Long> armed = new LinkedHashSet<>();
  private final List<Long> fired = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

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
    armed.remove(journalEntryId);
    fired.add(journalEntryId);
    events.add("fire " + journalEntryId);
  }

  @Override
  public synchronized Set<Long> armed() {
    return Set.copyOf(armed);
  }

  public synchronized List<Long> fired() {
    return List.copyOf(fired);
  }

  /** Every call in order, as "arm 1", "disarm 1", "fire 2". */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }
}
