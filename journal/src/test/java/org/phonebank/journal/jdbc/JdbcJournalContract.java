// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.Journal;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

/** What the JDBC journal must do on every database it supports; a subclass names the database. */
abstract class JdbcJournalContract extends JournalContract {

  static final byte[] KEY = TestKeys.FINGERPRINT;

  private TestDatabase database;
  private TestClock clock;

  abstract TestDatabase newDatabase();

  @Override
  Journal newJournal() {
    database = newDatabase();
    SchemaMigrations.migrate(database.dataSource());
    clock = new TestClock(NINE_AM_TEHRAN);
    return new JdbcJournal(database.dataSource(), TERMINAL, KEY, clock);
  }

  @AfterEach
  void dropTheDatabase() {
    database.close();
  }

  private JournalEntry openInquiry(String callId, int stan) {
    return journal.open(callId, TransactionType.BALANCE_INQUIRY, ids(stan), CARD, null);
  }

  @Test
  void openRecordsAPendingEntryWithTheMaskedCardOnly() {
    JournalEntry opened = openInquiry("call-1", 1);

    assertEquals(EntryState.PENDING, opened.state());
    assertEquals("603799******7893", opened.maskedCard());
    assertNull(opened.responseCode());
    assertEquals(List.of(opened), journal.forCall("call-1"));
  }

  @Test
  void closingMovesThePendingEntryToTheOutcomeState() {
    JournalEntry opened = openInquiry("call-1", 1);
    clock.advance(Duration.ofSeconds(2));

    JournalEntry closed =
        journal.close(opened.id(), new SwitchOutcome.Approved("123456", Rials.of(5_000)));

    assertEquals(EntryState.APPROVED, closed.state());
    assertNull(closed.responseCode());
    assertEquals(NINE_AM_TEHRAN.plusSeconds(2), closed.updatedAt());
    assertEquals(List.of(closed), journal.forCall("call-1"));
  }

  @Test
  void aDeclineKeepsTheSwitchResponseCode() {
    JournalEntry opened = openInquiry("call-1", 1);

    JournalEntry closed =
        journal.close(
            opened.id(), new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));

    assertEquals(EntryState.DECLINED, closed.state());
    assertEquals("51", closed.responseCode());
  }

  @Test
  void closingTwiceWithTheSameOutcomeChangesNothing() {
    JournalEntry opened = openInquiry("call-1", 1);
    JournalEntry first = journal.close(opened.id(), new SwitchOutcome.TimedOut());
    clock.advance(Duration.ofMinutes(1));

    JournalEntry again = journal.close(opened.id(), new SwitchOutcome.TimedOut());

    assertEquals(first, again);
    assertEquals(List.of(first), journal.forCall("call-1"));
  }

  @Test
  void closingWithAnotherOutcomeIsRefusedAndTheFirstStands() {
    JournalEntry opened = openInquiry("call-1", 1);
    JournalEntry approved = journal.close(opened.id(), new SwitchOutcome.Approved("123456", null));

    assertThrows(
        IllegalStateException.class,
        () -> journal.close(opened.id(), new SwitchOutcome.TimedOut()));
    assertEquals(List.of(approved), journal.forCall("call-1"));
  }

  @Test
  void closingAnEntryThatWasNeverOpenedIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> journal.close(4_242, new SwitchOutcome.TimedOut()));
  }

  @Test
  void theSameStanAndRrnCannotBeJournalledTwice() {
    openInquiry("call-1", 7);

    assertThrows(IllegalStateException.class, () -> openInquiry("call-2", 7));
    assertEquals(List.of(), journal.forCall("call-2"));
  }

  @Test
  void anotherTerminalMayUseTheSameStanAndRrn() {
    openInquiry("call-1", 7);
    JdbcJournal otherNode = new JdbcJournal(database.dataSource(), "IVR00002", KEY, clock);

    JournalEntry other =
        otherNode.open("call-2", TransactionType.BALANCE_INQUIRY, ids(7), CARD, null);

    assertEquals(List.of(other), journal.forCall("call-2"));
  }

  @Test
  void forCallListsOnlyThatCallInTheOrderItWasOpened() {
    JournalEntry first = openInquiry("call-1", 3);
    openInquiry("call-2", 4);
    JournalEntry second =
        journal.open("call-1", TransactionType.BALANCE_INQUIRY, ids(5), CARD, Rials.of(1_200_000));

    assertEquals(List.of(first, second), journal.forCall("call-1"));
    assertEquals(Rials.of(1_200_000), journal.forCall("call-1").get(1).amount());
    assertEquals(List.of(), journal.forCall("call-3"));
  }

  @Test
  void anOpenedEntrySurvivesARestartAndCanStillBeClosed() {
    JournalEntry opened = openInquiry("call-1", 1);

    JdbcJournal afterRestart = new JdbcJournal(database.restart(), TERMINAL, KEY, clock);

    assertEquals(List.of(opened), afterRestart.forCall("call-1"));
    JournalEntry closed =
        afterRestart.close(opened.id(), new SwitchOutcome.Unreachable("link down"));
    assertEquals(EntryState.UNREACHABLE, closed.state());
  }

  @Test
  void noColumnOfAnyTableHoldsTheFullCardNumber() {
    JdbcTransactionIdSource stans =
        new JdbcTransactionIdSource(database.dataSource(), TERMINAL, clock);
    for (int call = 1; call <= 3; call++) {
      JournalEntry opened =
          journal.open(
              "call-" + call, TransactionType.BALANCE_INQUIRY, stans.next(), CARD, Rials.of(call));
      journal.close(opened.id(), new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55"));
    }

    List<String> values = database.everyStoredValue();

    assertTrue(values.contains("603799******7893"), "the masked card is stored");
    Pattern sixteenDigits = Pattern.compile("\\d{16}");
    for (String value : values) {
      if (value != null) {
        assertFalse(value.contains(CARD.digits()), "a column holds the full card number");
        assertFalse(sixteenDigits.matcher(value).find(), "a column holds a 16-digit run");
      }
    }
  }

  @Test
  void anInquiryCannotWaitForAReversal() {
    JournalEntry opened = openInquiry("call-1", 1);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> journal.reversing(opened.id()));

    assertTrue(refused.getMessage().contains("money movement"), refused.getMessage());
    assertEquals(EntryState.PENDING, journal.forCall("call-1").get(0).state());
    assertEquals(EntryState.PENDING, journal.reversed(opened.id()).state());
  }

  @Test
  void todayIsTheBankDayInTehranNotTheUtcDay() {
    // Tehran is UTC+03:30: its 21 March runs from 20:30 UTC on the 20th to 20:30 UTC on the 21st.
    Instant lastSecondOfYesterday = Instant.parse("2026-03-20T20:29:59Z");
    Instant halfPastMidnightInTehran = Instant.parse("2026-03-20T21:00:00Z");
    Instant lastSecondOfToday = Instant.parse("2026-03-21T20:29:59Z");
    approvedTransfer(1, lastSecondOfYesterday, 1);
    approvedTransfer(2, halfPastMidnightInTehran, 20);
    approvedTransfer(3, lastSecondOfToday, 300);

    assertEquals(Rials.of(320), journal.usedToday(CARD, TransactionType.TRANSFER));

    clock.advance(Duration.ofHours(15));
    assertEquals(Rials.zero(), journal.usedToday(CARD, TransactionType.TRANSFER));
  }

  private void approvedTransfer(int stan, Instant transmittedAt, long rials) {
    TransactionIds at =
        new TransactionIds(
            new Stan(stan), new Rrn(String.format("608009%06d", stan)), transmittedAt);
    JournalEntry opened =
        journal.open("call-" + stan, TransactionType.TRANSFER, at, CARD, Rials.of(rials));
    journal.close(opened.id(), new SwitchOutcome.Approved("000001", null));
  }

  @Test
  void theDailySumCountsEveryNodeOfTheBank() {
    transferApprovedBy(journal, 1, 100);
    JdbcJournal otherNode = new JdbcJournal(database.dataSource(), "IVR00002", KEY, clock);
    transferApprovedBy(otherNode, 2, 20);

    assertEquals(Rials.of(120), journal.usedToday(CARD, TransactionType.TRANSFER));
    assertEquals(Rials.of(120), otherNode.usedToday(CARD, TransactionType.TRANSFER));
  }

  private static void transferApprovedBy(Journal node, int stan, long rials) {
    JournalEntry opened =
        node.open("call-" + stan, TransactionType.TRANSFER, ids(stan), CARD, Rials.of(rials));
    node.close(opened.id(), new SwitchOutcome.Approved("000001", null));
  }

  @Test
  void aCardIsRecognisedOnlyUnderTheKeyItWasJournalledWith() {
    transferApprovedBy(journal, 1, 100);

    JdbcJournal otherKey =
        new JdbcJournal(database.dataSource(), TERMINAL, TestKeys.OTHER_FINGERPRINT, clock);

    assertEquals(Rials.zero(), otherKey.usedToday(CARD, TransactionType.TRANSFER));
  }

  @Test
  void eachNodeRecoversOnlyItsOwnTerminalsEntries() {
    JournalEntry mine = transfer(1, CARD, 100);
    JdbcJournal otherNode = new JdbcJournal(database.dataSource(), "IVR00002", KEY, clock);
    JournalEntry theirs =
        otherNode.open("call-2", TransactionType.TRANSFER, ids(2), CARD, Rials.of(5));

    assertEquals(List.of(mine), journal.unfinished());
    assertEquals(List.of(theirs), otherNode.unfinished());
  }

  private static List<Long> idsOf(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::id).toList();
  }

  /** A transfer whose reversal was released and which the journal marked REVERSING. */
  private JournalEntry reversingWithItsReversal(JdbcAdviceQueue queue, int stan) {
    JournalEntry opened = transfer(stan, CARD, 100L * stan);
    queue.arm(AdviceQueueContract.reversal(opened.id()));
    queue.release(opened.id());
    return journal.reversing(opened.id());
  }

  @Test
  void theMarkPassesFinalEntriesAndReversalsStillWaitingBehindItAreFound() {
    JdbcAdviceQueue queue = new JdbcAdviceQueue(database.dataSource(), clock);
    JournalEntry answered = openInquiry("call-1", 1);
    journal.close(answered.id(), new SwitchOutcome.Approved("000001", null));
    JournalEntry waiting = reversingWithItsReversal(queue, 2);
    JournalEntry deadLetter = reversingWithItsReversal(queue, 3);
    queue.deadLetter(deadLetter.id(), "answered 96 too often", clock.instant());
    JournalEntry closedByOperator = reversingWithItsReversal(queue, 4);
    queue.deadLetter(closedByOperator.id(), "answered 96 too often", clock.instant());
    queue.close(closedByOperator.id(), "settled with the switch by telephone", clock.instant());
    clock.advance(Duration.ofHours(1));

    journal.swept();

    List<Long> unfinished = List.of(waiting.id(), deadLetter.id(), closedByOperator.id());
    assertEquals(unfinished, idsOf(journal.unfinished()));
    // Behind the mark only the advice queue is read: a row set back to PENDING by hand there, which
    // the journal never does, is not seen. So the mark is what the read starts from.
    database.execute("UPDATE switch_journal SET state = 'PENDING' WHERE id = " + answered.id());
    assertEquals(unfinished, idsOf(journal.unfinished()));
    assertEquals(EntryState.REVERSED, journal.reversed(waiting.id()).state());
    assertEquals(List.of(deadLetter.id(), closedByOperator.id()), idsOf(journal.unfinished()));
  }

  @Test
  void theMarkStopsAtTheOldestEntryStillPending() {
    JournalEntry stillPending = openInquiry("call-1", 1);
    JournalEntry answered = openInquiry("call-2", 2);
    journal.close(answered.id(), new SwitchOutcome.Approved("000002", null));
    JournalEntry later = openInquiry("call-3", 3);
    clock.advance(Duration.ofHours(1));

    journal.swept();
    assertEquals(List.of(stillPending.id(), later.id()), idsOf(journal.unfinished()));

    journal.close(stillPending.id(), new SwitchOutcome.TimedOut());
    journal.swept();
    assertEquals(List.of(later.id()), idsOf(journal.unfinished()));
    // The mark now stands at the later entry: the answered one, set back by hand behind it, is
    // not read.
    database.execute("UPDATE switch_journal SET state = 'PENDING' WHERE id = " + answered.id());
    assertEquals(List.of(later.id()), idsOf(journal.unfinished()));
  }

  @Test
  void aReversalAcknowledgedBeforeItsEntryWasReversedHoldsTheMark() {
    JdbcAdviceQueue queue = new JdbcAdviceQueue(database.dataSource(), clock);
    // The journal's update after the acknowledgement was lost (a crash of an older release, which
    // acknowledged first): only the journal's own rows can show the entry is still REVERSING.
    JournalEntry lost = reversingWithItsReversal(queue, 1);
    queue.acknowledged(lost.id(), "00", clock.instant());
    JournalEntry answered = openInquiry("call-2", 2);
    journal.close(answered.id(), new SwitchOutcome.Approved("000002", null));
    clock.advance(Duration.ofHours(1));

    journal.swept();

    assertEquals(List.of(lost.id()), idsOf(journal.unfinished()));
  }

  @Test
  void aReversingEntrySurvivesARestartAndIsReversedAfterIt() {
    JournalEntry opened = transfer(1, CARD, 500_000);
    JournalEntry reversing = journal.reversing(opened.id());

    JdbcJournal afterRestart = new JdbcJournal(database.restart(), TERMINAL, KEY, clock);

    assertEquals(List.of(reversing), afterRestart.unfinished());
    assertEquals(Rials.of(500_000), afterRestart.usedToday(CARD, TransactionType.TRANSFER));
    assertEquals(EntryState.REVERSED, afterRestart.reversed(opened.id()).state());
    assertEquals(List.of(), afterRestart.unfinished());
    assertEquals(Rials.zero(), afterRestart.usedToday(CARD, TransactionType.TRANSFER));
  }

  @Test
  void aLateAnswerRacingATimeoutLeavesExactlyOneOutcomePerEntry() throws Exception {
    int entries = 40;
    List<JournalEntry> opened = new ArrayList<>();
    for (int stan = 1; stan <= entries; stan++) {
      opened.add(transfer(stan, CARD, stan));
    }
    JdbcJournal otherNode = new JdbcJournal(database.dataSource(), TERMINAL, KEY, clock);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Set<Long>> approvals =
          pool.submit(
              () -> {
                start.await();
                Set<Long> won = new HashSet<>();
                for (JournalEntry entry : opened) {
                  try {
                    journal.close(entry.id(), new SwitchOutcome.Approved("000001", null));
                    won.add(entry.id());
                  } catch (IllegalStateException lost) {
                    // The other node marked it REVERSING first.
                  }
                }
                return won;
              });
      Future<Set<Long>> reversals =
          pool.submit(
              () -> {
                start.await();
                Set<Long> won = new HashSet<>();
                for (JournalEntry entry : opened) {
                  try {
                    otherNode.reversing(entry.id());
                    won.add(entry.id());
                  } catch (IllegalStateException lost) {
                    // The answer closed it first.
                  }
                }
                return won;
              });
      start.countDown();
      Set<Long> approved = approvals.get();
      Set<Long> reversing = reversals.get();

      assertEquals(entries, approved.size() + reversing.size());
      for (JournalEntry entry : opened) {
        EntryState state = journal.forCall(entry.callId()).get(0).state();
        assertEquals(
            approved.contains(entry.id()) ? EntryState.APPROVED : EntryState.REVERSING, state);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
