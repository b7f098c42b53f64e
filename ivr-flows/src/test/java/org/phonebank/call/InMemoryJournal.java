// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** A journal in a list, with the real one's rules: opened PENDING, closed once to a final state. */
final class InMemoryJournal implements Journal {

  private final List<JournalEntry> entries = new ArrayList<>();

  @Override
  public synchronized JournalEntry open(
      String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
    JournalEntry entry =
        new JournalEntry(
            entries.size() + 1L, callId, type, ids, card.masked(), amount, EntryState.PENDING, null,
            Instant.now());
    entries.add(entry);
    return entry;
  }

  @Override
  public synchronized JournalEntry close(long entryId, SwitchOutcome outcome) {
    JournalEntry open = entries.get((int) entryId - 1);
    EntryState state = JournalledSwitch.stateOf(outcome);
    if (open.state().isFinal()) {
      if (open.state() != state) {
        throw new IllegalStateException("Entry " + entryId + " is already " + open.state());
      }
      return open;
    }
    String code = outcome instanceof SwitchOutcome.Declined d ? d.responseCode() : null;
    JournalEntry closed =
        new JournalEntry(
            open.id(), open.callId(), open.type(), open.ids(), open.maskedCard(), open.amount(), state,
            code, Instant.now());
    entries.set((int) entryId - 1, closed);
    return closed;
  }

  @Override
  public synchronized List<JournalEntry> forCall(String callId) {
    return entries.stream().filter(e -> e.callId().equals(callId)).toList();
  }

  synchronized List<JournalEntry> all() {
    return List.copyOf(entries);
  }
}
