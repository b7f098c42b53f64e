// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/**
 * The rules of the {@link Journal} port that every implementation keeps, the in-memory fake
 * included: the life cycle of an entry, reversal states, recovery's view and the daily sum. All
 * entries here are today's.
 */
abstract class JournalContract {

  static final String TERMINAL = "IVR00001";
  static final CardNumber CARD = new CardNumber("6037991234567893");
  static final CardNumber OTHER_CARD = new CardNumber("6104337812345674");

  /** 09:00 in Tehran on 21 March 2026. */
  static final Instant NINE_AM_TEHRAN = Instant.parse("2026-03-21T05:30:00Z");

  protected Journal journal;

  /** A journal with no entries, whose business day is the one around {@link #NINE_AM_TEHRAN}. */
  abstract Journal newJournal();

  @BeforeEach
  void startWithAnEmptyJournal() {
    journal = newJournal();
  }

  static TransactionIds ids(int stan) {
    return new TransactionIds(
        new Stan(stan),
        new Rrn(String.format("608009%06d", stan)),
        NINE_AM_TEHRAN.plusSeconds(stan));
  }

  JournalEntry transfer(int stan, CardNumber card, long rials) {
    return journal.open("call-" + stan, TransactionType.TRANSFER, ids(stan), card, Rials.of(rials));
  }

  JournalEntry inquiry(int stan) {
    return journal.open("call-" + stan, TransactionType.BALANCE_INQUIRY, ids(stan), CARD, null);
  }

  @Test
  void aTransferWithAnUnknownOutcomeWaitsReversing() {
    JournalEntry opened = transfer(1, CARD, 500_000);

    JournalEntry reversing = journal.reversing(opened.id());

    assertEquals(EntryState.REVERSING, reversing.state());
    assertEquals(List.of(reversing), journal.forCall("call-1"));
  }

  @Test
  void markingReversingTwiceChangesNothing() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    journal.reversing(opened.id());

    assertEquals(EntryState.REVERSING, journal.reversing(opened.id()).state());
    assertEquals(EntryState.REVERSING, journal.forCall("call-1").get(0).state());
  }

  @Test
  void aClosedEntryCannotStartReversing() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    journal.close(opened.id(), new SwitchOutcome.Approved("123456", null));

    assertThrows(IllegalStateException.class, () -> journal.reversing(opened.id()));
    assertEquals(EntryState.APPROVED, journal.forCall("call-1").get(0).state());
  }

  @Test
  void theAcknowledgedReversalEndsTheEntryReversed() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    journal.reversing(opened.id());

    JournalEntry reversed = journal.reversed(opened.id());

    assertEquals(EntryState.REVERSED, reversed.state());
    assertEquals(EntryState.REVERSED, journal.reversed(opened.id()).state());
    assertEquals(EntryState.REVERSED, journal.reversing(opened.id()).state());
  }

  @Test
  void aReversalAcknowledgedAfterACrashEndsAPendingEntryReversed() {
    JournalEntry opened = transfer(1, CARD, 500_000);

    assertEquals(EntryState.REVERSED, journal.reversed(opened.id()).state());
  }

  @Test
  void aLateReversalAcknowledgementLeavesAnotherFinalStateAlone() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    JournalEntry declined =
        journal.close(
            opened.id(), new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));

    JournalEntry after = journal.reversed(opened.id());

    assertEquals(EntryState.DECLINED, after.state());
    assertEquals("51", after.responseCode());
    assertEquals(declined.state(), journal.forCall("call-1").get(0).state());
  }

  @Test
  void aReversingEntryCannotBeClosedAsIfItHadBeenAnswered() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    journal.reversing(opened.id());

    assertThrows(
        IllegalStateException.class,
        () -> journal.close(opened.id(), new SwitchOutcome.Approved("123456", null)));
    assertEquals(EntryState.REVERSING, journal.forCall("call-1").get(0).state());
  }

  @Test
  void unknownEntriesAreRefusedByEveryMove() {
    assertThrows(IllegalArgumentException.class, () -> journal.reversing(4_242));
    assertThrows(IllegalArgumentException.class, () -> journal.reversed(4_242));
  }

  @Test
  void unfinishedListsPendingAndReversingEntriesOldestFirst() {
    JournalEntry pending = transfer(1, CARD, 100);
    JournalEntry approved = transfer(2, CARD, 200);
    JournalEntry reversing = transfer(3, CARD, 300);
    JournalEntry reversed = transfer(4, CARD, 400);
    JournalEntry pendingInquiry = inquiry(5);
    journal.close(approved.id(), new SwitchOutcome.Approved("000001", null));
    journal.reversing(reversing.id());
    journal.reversing(reversed.id());
    journal.reversed(reversed.id());

    List<JournalEntry> unfinished = journal.unfinished();

    assertEquals(
        List.of(pending.id(), reversing.id(), pendingInquiry.id()),
        unfinished.stream().map(JournalEntry::id).toList());
    assertEquals(
        List.of(EntryState.PENDING, EntryState.REVERSING, EntryState.PENDING),
        unfinished.stream().map(JournalEntry::state).toList());
  }

  @Test
  void approvedTodayAddsApprovedAndReversingMovementsOfThatCardAndTypeOnly() {
    journal.close(transfer(1, CARD, 1_000_000).id(), new SwitchOutcome.Approved("000001", null));
    journal.reversing(transfer(2, CARD, 250_000).id());
    JournalEntry reversed = transfer(3, CARD, 40_000);
    journal.reversing(reversed.id());
    journal.reversed(reversed.id());
    journal.close(
        transfer(4, CARD, 7_000).id(),
        new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));
    transfer(5, CARD, 900);
    journal.close(
        transfer(6, OTHER_CARD, 3_000_000).id(), new SwitchOutcome.Approved("000002", null));
    JournalEntry bill =
        journal.open("call-7", TransactionType.BILL_PAYMENT, ids(7), CARD, Rials.of(60_000));
    journal.close(bill.id(), new SwitchOutcome.Approved("000003", null));

    assertEquals(Rials.of(1_250_000), journal.approvedToday(CARD, TransactionType.TRANSFER));
    assertEquals(Rials.of(60_000), journal.approvedToday(CARD, TransactionType.BILL_PAYMENT));
    assertEquals(Rials.of(3_000_000), journal.approvedToday(OTHER_CARD, TransactionType.TRANSFER));
  }

  @Test
  void aCardWithNothingApprovedTodayHasMovedZero() {
    inquiry(1);

    assertEquals(Rials.zero(), journal.approvedToday(CARD, TransactionType.TRANSFER));
  }
}
