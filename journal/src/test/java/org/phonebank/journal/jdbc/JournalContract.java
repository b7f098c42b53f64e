// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.phonebank.journal.OverDailyLimit;
import org.phonebank.journal.Reservation;
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
  void everyMovementOfThatCardAndTypeCountsTodayUnlessDeclinedReversedOrNeverSent() {
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
    journal.close(transfer(8, CARD, 80).id(), new SwitchOutcome.Unreachable("link down"));

    // approved 1,000,000 + reversing 250,000 + pending (sent, unanswered) 900
    assertEquals(Rials.of(1_250_900), journal.usedToday(CARD, TransactionType.TRANSFER));
    assertEquals(Rials.of(60_000), journal.usedToday(CARD, TransactionType.BILL_PAYMENT));
    assertEquals(Rials.of(3_000_000), journal.usedToday(OTHER_CARD, TransactionType.TRANSFER));
  }

  Reservation reserve(int stan, TransactionType type, long rials, long dailyLimit) {
    return journal.openWithinDailyLimit(
        "call-" + stan, type, ids(stan), CARD, Rials.of(rials), Rials.of(dailyLimit));
  }

  @Test
  void aMovementThatFitsTheDayIsJournalledPendingAndCounts() {
    Reservation reserved = reserve(1, TransactionType.TRANSFER, 150_000_000, 200_000_000);

    JournalEntry entry = ((Reservation.Reserved) reserved).entry();
    assertEquals(EntryState.PENDING, entry.state());
    assertEquals(Rials.of(150_000_000), entry.amount());
    assertEquals(List.of(entry), journal.forCall("call-1"));
    assertEquals(Rials.of(150_000_000), journal.usedToday(CARD, TransactionType.TRANSFER));
  }

  @Test
  void aMovementOverWhatTheDayLeavesIsRefusedWithTheRoomLeftAndNotJournalled() {
    reserve(1, TransactionType.TRANSFER, 150_000_000, 200_000_000);

    Reservation refused = reserve(2, TransactionType.TRANSFER, 50_000_001, 200_000_000);

    assertEquals(new OverDailyLimit(Rials.of(50_000_000)), refused);
    assertEquals(List.of(), journal.forCall("call-2"));
    assertInstanceOf(
        Reservation.Reserved.class, reserve(3, TransactionType.TRANSFER, 50_000_000, 200_000_000));
    assertEquals(
        new OverDailyLimit(Rials.zero()), reserve(4, TransactionType.TRANSFER, 1, 200_000_000));
  }

  @Test
  void aDeclinedOrReversedMovementFreesItsAmount() {
    JournalEntry declined =
        ((Reservation.Reserved) reserve(1, TransactionType.TRANSFER, 100_000_000, 200_000_000))
            .entry();
    JournalEntry reversed =
        ((Reservation.Reserved) reserve(2, TransactionType.TRANSFER, 100_000_000, 200_000_000))
            .entry();
    assertInstanceOf(OverDailyLimit.class, reserve(3, TransactionType.TRANSFER, 1, 200_000_000));

    journal.close(
        declined.id(), new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));
    assertEquals(
        new OverDailyLimit(Rials.of(100_000_000)),
        reserve(4, TransactionType.TRANSFER, 100_000_001, 200_000_000));
    journal.reversing(reversed.id());
    assertEquals(
        new OverDailyLimit(Rials.of(100_000_000)),
        reserve(5, TransactionType.TRANSFER, 100_000_001, 200_000_000));
    journal.reversed(reversed.id());

    assertInstanceOf(
        Reservation.Reserved.class, reserve(6, TransactionType.TRANSFER, 200_000_000, 200_000_000));
  }

  @Test
  void billPaymentsHaveTheirOwnDayBesideTransfers() {
    reserve(1, TransactionType.TRANSFER, 200_000_000, 200_000_000);

    assertInstanceOf(
        Reservation.Reserved.class,
        reserve(2, TransactionType.BILL_PAYMENT, 30_000_000, 50_000_000));
    assertEquals(
        new OverDailyLimit(Rials.of(20_000_000)),
        reserve(3, TransactionType.BILL_PAYMENT, 30_000_000, 50_000_000));
  }

  @Test
  void onlyAPositiveMoneyMovementIsReserved() {
    assertThrows(
        IllegalArgumentException.class,
        () -> reserve(1, TransactionType.BALANCE_INQUIRY, 1, 200_000_000));
    assertThrows(
        IllegalArgumentException.class, () -> reserve(2, TransactionType.TRANSFER, 0, 200_000_000));
    assertEquals(List.of(), journal.unfinished());
  }

  @Test
  void aCardWithNothingMovedTodayHasUsedZero() {
    inquiry(1);

    assertEquals(Rials.zero(), journal.usedToday(CARD, TransactionType.TRANSFER));
  }
}
