// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;
import org.junit.jupiter.api.Test;

class JournalledSwitchTest {

  private final List<JournalEntry> entries = new ArrayList<>();
  private final List<EntryState> statesSeenBySwitch = new ArrayList<>();

  private final Journal journal =
      new Journal() {
        @Override
        public JournalEntry open(
            String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
          JournalEntry e =
              new JournalEntry(entries.size() + 1, callId, type, ids, card.masked(), amount,
                  EntryState.PENDING, null, Instant.now());
          entries.add(e);
          return e;
        }

        @Override
        public JournalEntry close(long entryId, SwitchOutcome outcome) {
          JournalEntry e = entries.get((int) entryId - 1);
          JournalEntry closed =
              new JournalEntry(e.id(), e.callId(), e.type(), e.ids(), e.maskedCard(), e.amount(),
                  JournalledSwitch.stateOf(outcome), null, Instant.now());
          entries.set((int) entryId - 1, closed);
          return closed;
        }

        @Override
        public List<JournalEntry> forCall(String callId) {
          return entries;
        }
      };

  private int counter;
  private final org.phonebank.banking.TransactionIdSource ids =
      () -> new TransactionIds(new Stan(++counter), new Rrn("63270000000" + counter), Instant.now());

  private final CardNumber card = new CardNumber("6037991234567893");

  @Test
  void journalsTheRequestBeforeItIsSentAndClosesItWithTheOutcome() {
    BankSwitch bankSwitch = inquiry -> {
      statesSeenBySwitch.add(entries.get(0).state());
      return new SwitchOutcome.Approved("123456", Rials.of(5_000_000));
    };
    SwitchOutcome outcome =
        new JournalledSwitch(bankSwitch, journal, ids)
            .balanceInquiry("call-1", card, TelephonePin.of("7391".toCharArray()));
    assertInstanceOf(SwitchOutcome.Approved.class, outcome);
    assertEquals(List.of(EntryState.PENDING), statesSeenBySwitch);
    assertEquals(EntryState.APPROVED, entries.get(0).state());
    assertEquals("603799******7893", entries.get(0).maskedCard());
  }

  @Test
  void anAdapterThatThrowsLeavesTheEntryTimedOutNotPending() {
    BankSwitch broken = inquiry -> {
      throw new IllegalStateException("socket closed");
    };
    SwitchOutcome outcome =
        new JournalledSwitch(broken, journal, ids)
            .balanceInquiry("call-2", card, TelephonePin.of("7391".toCharArray()));
    assertInstanceOf(SwitchOutcome.TimedOut.class, outcome);
    assertEquals(EntryState.TIMED_OUT, entries.get(0).state());
  }
}
