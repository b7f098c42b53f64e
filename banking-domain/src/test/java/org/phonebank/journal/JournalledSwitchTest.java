// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.lockout.LockoutState;
import org.phonebank.lockout.PinTry;
import org.phonebank.money.Rials;
import org.phonebank.testing.InMemoryCardLockouts;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.InMemoryReversals;
import org.phonebank.testing.MaskingPinSealer;
import org.phonebank.testing.UnlimitedMoney;

class JournalledSwitchTest {

  private final InMemoryJournal journal = new InMemoryJournal();
  private final InMemoryReversals reversals = new InMemoryReversals();
  private final List<String> seenBySwitch = new ArrayList<>();

  private int counter;
  private final TransactionIdSource ids =
      () ->
          new TransactionIds(
              new Stan(++counter),
              new Rrn(String.format("6327000000%02d", counter)),
              Instant.now());

  private final CardNumber card = new CardNumber("6037991234567893");
  private final CardNumber payee = new CardNumber("6104337654321098");

  private JournalledSwitch over(BankSwitch bankSwitch) {
    return new JournalledSwitch(bankSwitch, journal, ids, reversals);
  }

  private SwitchOutcome transfer(JournalledSwitch journalled, long rials) {
    return UnlimitedMoney.send(journalled, "call-t", next -> transferOf(next, rials));
  }

  private Transfer transferOf(TransactionIds next, long rials) {
    return new Transfer(
        next,
        card,
        MaskingPinSealer.sealed("7391", card),
        new TransferDestination.ToCard(payee),
        Rials.of(rials));
  }

  @Test
  void journalsTheRequestBeforeItIsSentAndClosesItWithTheOutcome() {
    SwitchOutcome outcome =
        over(request -> {
              seenBySwitch.add(journal.all().get(0).state().name());
              return new SwitchOutcome.Approved("123456", Rials.of(5_000_000));
            })
            .balanceInquiry("call-1", card, MaskingPinSealer.sealed("7391", card));
    assertInstanceOf(SwitchOutcome.Approved.class, outcome);
    assertEquals(List.of("PENDING"), seenBySwitch);
    assertEquals(EntryState.APPROVED, journal.all().get(0).state());
    assertEquals("603799******7893", journal.all().get(0).maskedCard());
    assertEquals(List.of(), reversals.events(), "an inquiry moves no money and arms no reversal");
  }

  @Test
  void anInquiryWhoseAdapterThrowsIsClosedTimedOutNotLeftPending() {
    SwitchOutcome outcome =
        over(request -> {
              throw new IllegalStateException("socket closed");
            })
            .balanceInquiry("call-2", card, MaskingPinSealer.sealed("7391", card));
    assertInstanceOf(SwitchOutcome.TimedOut.class, outcome);
    assertEquals(EntryState.TIMED_OUT, journal.all().get(0).state());
  }

  @Test
  void aMoneyMovementSentWithoutItsDailyLimitIsRefusedBeforeTheJournalAndTheSwitch() {
    JournalledSwitch journalled =
        over(
            request -> {
              seenBySwitch.add(request.type().name());
              return new SwitchOutcome.Approved("654321");
            });
    assertThrows(
        IllegalArgumentException.class,
        () -> journalled.send("call-unlimited", next -> transferOf(next, 1_000_000)));
    assertEquals(List.of(), journal.all(), "nothing journalled");
    assertEquals(List.of(), seenBySwitch, "nothing sent");
    assertEquals(List.of(), reversals.events(), "nothing armed");
  }

  @Test
  void aTransferIsArmedForReversalBeforeItIsSentAndDisarmedWhenApproved() {
    SwitchOutcome outcome =
        transfer(
            over(
                request -> {
                  seenBySwitch.add(String.join(",", reversals.events()));
                  return new SwitchOutcome.Approved("654321");
                }),
            1_000_000);
    assertInstanceOf(SwitchOutcome.Approved.class, outcome);
    assertEquals(List.of("arm 1"), seenBySwitch);
    assertEquals(List.of("arm 1", "disarm 1"), reversals.events());
    assertEquals(EntryState.APPROVED, journal.all().get(0).state());
    assertEquals(Rials.of(1_000_000), journal.usedToday(card, TransactionType.TRANSFER));
  }

  @Test
  void aTransferWithNoAnswerIsReversedAndStaysReversingUntilTheSwitchAcknowledges() {
    JournalledSwitch journalled = over(request -> new SwitchOutcome.TimedOut());
    transfer(journalled, 2_000_000);
    assertEquals(List.of(1L), reversals.fired());
    assertEquals(EntryState.REVERSING, journal.all().get(0).state());

    journalled.acknowledged(1);
    assertEquals(EntryState.REVERSED, journal.all().get(0).state());
    assertEquals(Rials.zero(), journal.usedToday(card, TransactionType.TRANSFER));
  }

  private LimitedSend transferWithin(JournalledSwitch journalled, long rials, long dailyLimit) {
    return journalled.sendWithinDailyLimit(
        "call-t", Rials.of(dailyLimit), next -> transferOf(next, rials));
  }

  @Test
  void aTransferOverWhatTheDayLeavesIsNeitherJournalledNorSent() {
    JournalledSwitch journalled =
        over(
            request -> {
              seenBySwitch.add(request.amount().toString());
              return new SwitchOutcome.Approved("654321");
            });
    transferWithin(journalled, 150_000_000, 200_000_000);

    LimitedSend refused = transferWithin(journalled, 60_000_000, 200_000_000);

    assertEquals(new OverDailyLimit(Rials.of(50_000_000)), refused);
    assertEquals(1, seenBySwitch.size());
    assertEquals(1, journal.all().size());
    assertEquals(List.of("arm 1", "disarm 1"), reversals.events());
  }

  @Test
  void aTransferStillWaitingForItsAnswerCountsAgainstTheDay() {
    List<LimitedSend> whileWaiting = new ArrayList<>();
    JournalledSwitch[] journalled = new JournalledSwitch[1];
    journalled[0] =
        over(
            request -> {
              if (whileWaiting.isEmpty()) {
                // A second call on the card sends while the first is still unanswered.
                whileWaiting.add(transferWithin(journalled[0], 100_000_000, 150_000_000));
              }
              return new SwitchOutcome.Approved("654321");
            });

    LimitedSend first = transferWithin(journalled[0], 100_000_000, 150_000_000);

    assertInstanceOf(LimitedSend.Sent.class, first);
    assertEquals(List.of(new OverDailyLimit(Rials.of(50_000_000))), whileWaiting);
  }

  @Test
  void aDeclinedTransferFreesItsAmountForTheNextOne() {
    List<SwitchOutcome> answers =
        new ArrayList<>(
            List.of(
                new SwitchOutcome.Declined(DeclineReason.INSUFFICIENT_FUNDS, "51"),
                new SwitchOutcome.Approved("654321")));
    JournalledSwitch journalled = over(request -> answers.remove(0));

    LimitedSend declined = transferWithin(journalled, 200_000_000, 200_000_000);
    LimitedSend approved = transferWithin(journalled, 200_000_000, 200_000_000);

    assertInstanceOf(SwitchOutcome.Declined.class, ((LimitedSend.Sent) declined).outcome());
    assertInstanceOf(SwitchOutcome.Approved.class, ((LimitedSend.Sent) approved).outcome());
    assertEquals(Rials.of(200_000_000), journal.usedToday(card, TransactionType.TRANSFER));
  }

  @Test
  void onlyAMoneyMovementIsSentUnderADailyLimit() {
    JournalledSwitch journalled = over(request -> new SwitchOutcome.Approved("1"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            journalled.sendWithinDailyLimit(
                "call-b",
                Rials.of(1),
                next -> new BalanceInquiry(next, card, MaskingPinSealer.sealed("7391", card))));
    assertTrue(journal.all().isEmpty());
  }

  @Test
  void aTransferWhoseAdapterThrowsIsReversedNotDeclined() {
    transfer(
        over(
            request -> {
              throw new IllegalStateException("socket closed mid-write");
            }),
        3_000);
    assertEquals(EntryState.REVERSING, journal.all().get(0).state());
    assertEquals(List.of(1L), reversals.fired());
  }

  @Test
  void recoveryFiresArmedReversalsAndClosesWhatNeverLeft() {
    // A crash left three entries PENDING: a transfer armed (maybe sent), a transfer not yet armed
    // (never
    // sent, since arming comes first) and an inquiry.
    journal.open("c", TransactionType.TRANSFER, ids.next(), card, Rials.of(10));
    reversals.arm(1, null);
    journal.open("c", TransactionType.TRANSFER, ids.next(), card, Rials.of(20));
    journal.open("c", TransactionType.BALANCE_INQUIRY, ids.next(), card, null);

    over(request -> new SwitchOutcome.Approved("000000")).recover();

    assertEquals(EntryState.REVERSING, journal.all().get(0).state());
    assertEquals(EntryState.UNREACHABLE, journal.all().get(1).state());
    assertEquals(EntryState.TIMED_OUT, journal.all().get(2).state());
    assertEquals(List.of(1L), reversals.fired());
    assertTrue(journal.unfinished().stream().allMatch(e -> e.state() == EntryState.REVERSING));
  }

  @Test
  void recoveryFiresAReversalMarkedReversingButNeverQueued() {
    // The journal's REVERSING committed, then the process died before the 0420 was queued.
    journal.open("c", TransactionType.TRANSFER, ids.next(), card, Rials.of(10));
    reversals.arm(1, null);
    journal.reversing(1);

    int changed = over(request -> new SwitchOutcome.Approved("000000")).recover();

    assertEquals(1, changed);
    assertEquals(List.of(1L), reversals.fired());
    assertEquals(EntryState.REVERSING, journal.all().get(0).state());
  }

  @Test
  void aSweepRecordsAnAcknowledgementTheJournalMissed() {
    JournalledSwitch journalled = over(request -> new SwitchOutcome.TimedOut());
    transfer(journalled, 7_000);
    reversals.acknowledge(1);

    journalled.sweep(Instant.now().minusSeconds(60));

    assertEquals(EntryState.REVERSED, journal.all().get(0).state());
  }

  @Test
  void aSweepDisarmsAReversalLeftArmedBehindAnApprovedTransfer() {
    journal.open("c", TransactionType.TRANSFER, ids.next(), card, Rials.of(10));
    reversals.arm(1, null);
    journal.close(1, new SwitchOutcome.Approved("000001"));

    over(request -> new SwitchOutcome.Approved("000000")).sweep(Instant.now());

    assertEquals(List.of(), List.copyOf(reversals.armed()));
    assertEquals(EntryState.APPROVED, journal.all().get(0).state());
  }

  @Test
  void aSweepLeavesARequestThatMayStillBeInFlightAlone() {
    journal.open("c", TransactionType.TRANSFER, ids.next(), card, Rials.of(10));
    reversals.arm(1, null);
    journal.open("c", TransactionType.BALANCE_INQUIRY, ids.next(), card, null);

    int changed =
        over(request -> new SwitchOutcome.Approved("000000")).sweep(Instant.now().minusSeconds(60));

    assertEquals(0, changed);
    assertEquals(List.of(), reversals.fired());
    assertEquals(2, journal.unfinished().size());
  }

  @Test
  void anApprovalTheJournalCannotRecordIsToldAsUnknownAndReversed() {
    Journal failingClose = new FailingClose(journal);
    JournalledSwitch journalled =
        new JournalledSwitch(
            request -> new SwitchOutcome.Approved("000002"), failingClose, ids, reversals);

    SwitchOutcome outcome = transfer(journalled, 9_000);

    assertEquals(new SwitchOutcome.TimedOut(), outcome);
    assertEquals(EntryState.REVERSING, journal.all().get(0).state());
    assertEquals(List.of(1L), reversals.fired());
  }

  @Test
  void aPinGuessTakesItsTryWithItsEntryAndAWrongPinSettlesItWithTheAnswer() {
    InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
    JournalledSwitch journalled =
        over(
            request -> {
              seenBySwitch.add(journal.all().get(0).state().name());
              return new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55");
            });

    PinGuess guess =
        journalled.balanceInquiry(
            "call-pin", card, MaskingPinSealer.sealed("0000", card), lockouts.pinTry(card, 2));

    assertEquals(List.of("PENDING"), seenBySwitch);
    assertEquals(
        new PinGuess.Answered(
            new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55"),
            new LockoutState(1, false)),
        guess);
    assertEquals(EntryState.DECLINED, journal.all().get(0).state());
    assertTrue(lockouts.takeTry(card, 2), "the wrong PIN counts once and its try is settled");
    assertEquals(false, lockouts.takeTry(card, 2));
  }

  @Test
  void aPinGuessWithNoTryLeftIsNeitherJournalledNorSent() {
    InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
    lockouts.takeTry(card, 1);
    JournalledSwitch journalled =
        over(
            request -> {
              seenBySwitch.add(request.type().name());
              return new SwitchOutcome.Approved("000003", Rials.of(1));
            });

    PinGuess guess =
        journalled.balanceInquiry(
            "call-pin", card, MaskingPinSealer.sealed("7391", card), lockouts.pinTry(card, 1));

    assertEquals(new PinGuess.NoTryLeft(), guess);
    assertEquals(List.of(), journal.all(), "nothing journalled");
    assertEquals(List.of(), seenBySwitch, "nothing sent");
  }

  @Test
  void aRightPinOnACardLockedMeanwhileIsAnsweredLocked() {
    InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
    JournalledSwitch journalled =
        over(
            request -> {
              // Other calls' wrong PINs lock the card while this guess is on its way.
              lockouts.wrongPin(card, 2);
              lockouts.wrongPin(card, 2);
              return new SwitchOutcome.Approved("000004", Rials.of(1));
            });

    PinGuess guess =
        journalled.balanceInquiry(
            "call-pin", card, MaskingPinSealer.sealed("7391", card), lockouts.pinTry(card, 2));

    assertTrue(((PinGuess.Answered) guess).lockout().locked());
    assertTrue(lockouts.isLocked(card));
  }

  @Test
  void aPinGuessWhoseAnswerCannotBeRecordedKeepsItsTryHeldAndItsEntryForTheSweeper() {
    InMemoryCardLockouts lockouts = new InMemoryCardLockouts();
    JournalledSwitch journalled =
        new JournalledSwitch(
            request -> new SwitchOutcome.Approved("000005", Rials.of(1)),
            new FailingClose(journal),
            ids,
            reversals);

    PinGuess guess =
        journalled.balanceInquiry(
            "call-pin", card, MaskingPinSealer.sealed("7391", card), lockouts.pinTry(card, 1));

    assertInstanceOf(PinGuess.Unrecorded.class, guess);
    assertEquals(false, lockouts.takeTry(card, 1), "the try stays held");
    assertEquals(EntryState.PENDING, journal.all().get(0).state());
    over(request -> new SwitchOutcome.TimedOut()).sweep(Instant.MAX);
    assertEquals(EntryState.TIMED_OUT, journal.all().get(0).state());
    assertEquals(false, lockouts.takeTry(card, 1), "the sweeper gives no try back");
  }

  /** A journal whose close fails, as when the database refuses the write. */
  private record FailingClose(InMemoryJournal journal) implements Journal {
    @Override
    public JournalEntry open(
        String callId, TransactionType type, TransactionIds ids, CardNumber card, Rials amount) {
      return journal.open(callId, type, ids, card, amount);
    }

    @Override
    public JournalEntry close(long entryId, SwitchOutcome outcome) {
      throw new IllegalStateException("database refused the update");
    }

    @Override
    public Optional<JournalEntry> openTakingTry(
        String callId, TransactionType type, TransactionIds ids, CardNumber card, PinTry pinTry) {
      return journal.openTakingTry(callId, type, ids, card, pinTry);
    }

    @Override
    public LockoutState closeSettlingTry(long entryId, SwitchOutcome outcome, PinTry pinTry) {
      throw new IllegalStateException("database refused the update");
    }

    @Override
    public JournalEntry reversing(long entryId) {
      return journal.reversing(entryId);
    }

    @Override
    public JournalEntry reversed(long entryId) {
      return journal.reversed(entryId);
    }

    @Override
    public List<JournalEntry> unfinished() {
      return journal.unfinished();
    }

    @Override
    public Reservation openWithinDailyLimit(
        String callId,
        TransactionType type,
        TransactionIds ids,
        CardNumber card,
        Rials amount,
        Rials dailyLimit) {
      return journal.openWithinDailyLimit(callId, type, ids, card, amount, dailyLimit);
    }

    @Override
    public Rials usedToday(CardNumber card, TransactionType type) {
      return journal.usedToday(card, type);
    }

    @Override
    public List<JournalEntry> forCall(String callId) {
      return journal.forCall(callId);
    }

    @Override
    public java.util.Optional<JournalEntry> find(long entryId) {
      return journal.find(entryId);
    }
  }
}
