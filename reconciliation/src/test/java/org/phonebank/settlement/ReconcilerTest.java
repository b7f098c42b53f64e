// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;

class ReconcilerTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final String TERMINAL = "IVR00001";
  // 00:30 on 21 March 2026 in Tehran, still 20 March in UTC.
  private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2026-03-20T21:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 21);

  private final Reconciler reconciler = new Reconciler(TEHRAN);

  private static JournalEntry entry(int stan, EntryState state, long amount) {
    return entry(stan, state, amount, TransactionType.TRANSFER);
  }

  private static JournalEntry entry(int stan, EntryState state, long amount, TransactionType type) {
    TransactionIds ids =
        new TransactionIds(
            new Stan(stan),
            new Rrn(String.format("608000%06d", stan)),
            JUST_AFTER_MIDNIGHT.plusSeconds(stan));
    return new JournalEntry(
        stan,
        "call-" + stan,
        type,
        ids,
        "603799******7893",
        Rials.of(amount),
        state,
        state == EntryState.DECLINED ? "51" : null,
        JUST_AFTER_MIDNIGHT);
  }

  private static SettlementRecord settled(int stan, long amount) {
    return record(stan, amount, false, TERMINAL, DAY);
  }

  private static SettlementRecord reversed(int stan, long amount) {
    return record(stan, amount, true, TERMINAL, DAY);
  }

  private static SettlementRecord record(
      int stan, long amount, boolean reversal, String terminal, LocalDate localDate) {
    return record(stan, amount, reversal, terminal, localDate, "400000");
  }

  private static SettlementRecord record(
      int stan,
      long amount,
      boolean reversal,
      String terminal,
      LocalDate localDate,
      String processingCode) {
    return new SettlementRecord(
        DAY,
        localDate,
        LocalTime.of(0, 30),
        new Stan(stan),
        new Rrn(String.format("608000%06d", stan)),
        terminal,
        "603799******7893",
        processingCode,
        Rials.of(amount),
        "00",
        reversal,
        Rials.zero());
  }

  private static List<BusinessDayEntry> onDay(List<JournalEntry> journal, LocalDate businessDate) {
    return journal.stream().map(e -> new BusinessDayEntry(e, TERMINAL, businessDate)).toList();
  }

  private ReconciliationResult reconcile(
      List<JournalEntry> journal, List<SettlementRecord> settlement) {
    return reconciler.reconcile(DAY, TERMINAL, onDay(journal, DAY), settlement);
  }

  private static ReconciliationItem only(ReconciliationResult result) {
    assertEquals(1, result.items().size(), () -> "items: " + result.items());
    return result.items().get(0);
  }

  @Test
  void approvedAndSettledForTheSameAmountIsMatched() {
    JournalEntry ours = entry(1, EntryState.APPROVED, 500_000);
    SettlementRecord theirs = settled(1, 500_000);

    ReconciliationItem item = only(reconcile(List.of(ours), List.of(theirs)));

    assertEquals(DifferenceKind.MATCHED, item.kind());
    assertSame(ours, item.journalEntry());
    assertSame(theirs, item.settlementRecord());
    assertTrue(reconcile(List.of(ours), List.of(theirs)).isClean());
  }

  @Test
  void approvedButNeverSettledIsMissingAtTheSwitch() {
    ReconciliationResult result =
        reconcile(List.of(entry(1, EntryState.APPROVED, 500_000)), List.of());

    assertEquals(DifferenceKind.MISSING_AT_SWITCH, only(result).kind());
    assertEquals(Rials.of(500_000), only(result).amount());
    assertFalse(result.isClean());
  }

  @Test
  void approvedButSettledAndReversedIsMissingAtTheSwitch() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.APPROVED, 500_000)),
                List.of(settled(1, 500_000), reversed(1, 500_000))));

    assertEquals(DifferenceKind.MISSING_AT_SWITCH, item.kind());
    assertNull(item.settlementRecord());
  }

  @Test
  void settledButNotInOurJournalIsUnknownToUs() {
    ReconciliationItem item = only(reconcile(List.of(), List.of(settled(9, 70_000))));

    assertEquals(DifferenceKind.UNKNOWN_TO_US, item.kind());
    assertNull(item.journalEntry());
  }

  @Test
  void settledForAnotherAmountIsAnAmountMismatch() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.APPROVED, 500_000)), List.of(settled(1, 5_000_000))));

    assertEquals(DifferenceKind.AMOUNT_MISMATCH, item.kind());
    assertEquals(Rials.of(5_000_000), item.amount());
  }

  @Test
  void theSameKeyTwiceInTheFileIsADuplicateAndTheFirstStillMatches() {
    ReconciliationResult result =
        reconcile(
            List.of(entry(1, EntryState.APPROVED, 500_000)),
            List.of(settled(1, 500_000), settled(1, 500_000)));

    assertEquals(new KindTotal(1, Rials.of(500_000)), result.total(DifferenceKind.DUPLICATE));
    assertEquals(new KindTotal(1, Rials.of(500_000)), result.total(DifferenceKind.MATCHED));
    assertEquals(2, result.items().size());
  }

  @Test
  void theSameKeyTwiceInTheJournalIsADuplicate() {
    ReconciliationResult result =
        reconcile(
            List.of(entry(1, EntryState.APPROVED, 500_000), entry(1, EntryState.APPROVED, 500_000)),
            List.of(settled(1, 500_000)));

    assertEquals(1, result.total(DifferenceKind.DUPLICATE).count());
    assertNull(result.items(DifferenceKind.DUPLICATE).get(0).settlementRecord());
    assertEquals(1, result.total(DifferenceKind.MATCHED).count());
  }

  @Test
  void declinedOrNeverSentButSettledIsDeclinedButSettled() {
    ReconciliationResult result =
        reconcile(
            List.of(
                entry(1, EntryState.DECLINED, 500_000), entry(2, EntryState.UNREACHABLE, 300_000)),
            List.of(settled(1, 500_000), settled(2, 300_000)));

    assertEquals(
        new KindTotal(2, Rials.of(800_000)), result.total(DifferenceKind.DECLINED_BUT_SETTLED));
    assertEquals(2, result.items().size());
  }

  @Test
  void declinedAndNotSettledNeedsNothing() {
    ReconciliationResult result =
        reconcile(List.of(entry(1, EntryState.DECLINED, 500_000)), List.of());

    assertEquals(List.of(), result.items());
    assertTrue(result.isClean());
  }

  @Test
  void anUnknownOutcomeThatStayedSettledIsReversedButSettled() {
    ReconciliationResult result =
        reconcile(
            List.of(entry(1, EntryState.TIMED_OUT, 500_000), entry(2, EntryState.PENDING, 200_000)),
            List.of(settled(1, 500_000), settled(2, 200_000)));

    assertEquals(
        new KindTotal(2, Rials.of(700_000)), result.total(DifferenceKind.REVERSED_BUT_SETTLED));
  }

  @Test
  void anUnknownOutcomeSettledAndReversedNeedsNothing() {
    ReconciliationResult result =
        reconcile(
            List.of(entry(1, EntryState.TIMED_OUT, 500_000)),
            List.of(settled(1, 500_000), reversed(1, 500_000)));

    assertEquals(List.of(), result.items());
  }

  @Test
  void aReversalSettledWithoutItsOriginalIsReported() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.TIMED_OUT, 500_000)), List.of(reversed(1, 500_000))));

    assertEquals(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, item.kind());
    assertTrue(item.settlementRecord().reversal());
  }

  @Test
  void aReversalOfSomethingWeNeverJournalledIsAReversalWithoutOriginal() {
    ReconciliationItem item = only(reconcile(List.of(), List.of(reversed(4, 90_000))));

    assertEquals(DifferenceKind.REVERSAL_WITHOUT_ORIGINAL, item.kind());
    assertNull(item.journalEntry());
  }

  @Test
  void balanceInquiriesAreNotExpectedAtTheSwitch() {
    ReconciliationResult result =
        reconcile(
            List.of(entry(1, EntryState.APPROVED, 0, TransactionType.BALANCE_INQUIRY)), List.of());

    assertFalse(Reconciler.moneyMovements().contains(TransactionType.BALANCE_INQUIRY));
    assertEquals(List.of(), result.items());
  }

  @Test
  void transfersAndBillPaymentsAreTheMovementsTheSwitchMustSettle() {
    assertEquals(
        EnumSet.of(TransactionType.TRANSFER, TransactionType.BILL_PAYMENT),
        Reconciler.moneyMovements());
  }

  @Test
  void recordsOfAnotherTerminalAreLeftOut() {
    ReconciliationResult result =
        reconcile(List.of(), List.of(record(1, 500_000, false, "IVR00002", DAY)));

    assertEquals(List.of(), result.items());
  }

  @Test
  void theJournalIsDatedInTheBanksZoneNotInUtc() {
    JournalEntry ours = entry(1, EntryState.APPROVED, 500_000);

    ReconciliationResult utcDated =
        reconcile(List.of(ours), List.of(record(1, 500_000, false, TERMINAL, DAY.minusDays(1))));

    assertEquals(1, utcDated.total(DifferenceKind.MISSING_AT_SWITCH).count());
    assertEquals(1, utcDated.total(DifferenceKind.UNKNOWN_TO_US).count());
  }

  @Test
  void totalsCountAndSumEveryKind() {
    ReconciliationResult result =
        reconcile(
            List.of(
                entry(1, EntryState.APPROVED, 100_000),
                entry(2, EntryState.APPROVED, 250_000),
                entry(3, EntryState.APPROVED, 40_000)),
            List.of(settled(1, 100_000), settled(2, 250_000), settled(7, 9_000)));

    assertEquals(new KindTotal(2, Rials.of(350_000)), result.totals().get(DifferenceKind.MATCHED));
    assertEquals(
        new KindTotal(1, Rials.of(40_000)), result.totals().get(DifferenceKind.MISSING_AT_SWITCH));
    assertEquals(
        new KindTotal(1, Rials.of(9_000)), result.totals().get(DifferenceKind.UNKNOWN_TO_US));
    assertEquals(KindTotal.NONE, result.totals().get(DifferenceKind.AMOUNT_MISMATCH));
    assertEquals(DifferenceKind.values().length, result.totals().size());
  }

  @Test
  void aSettlementRecordRefusesAFullCardNumber() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SettlementRecord(
                DAY,
                DAY,
                LocalTime.NOON,
                new Stan(1),
                new Rrn("608000000001"),
                TERMINAL,
                "6037991234567893",
                "400000",
                Rials.of(1),
                "00",
                false,
                Rials.zero()));
  }

  @Test
  void settledUnderAnotherTransactionClassIsAProcessingCodeMismatch() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.APPROVED, 500_000)),
                List.of(record(1, 500_000, false, TERMINAL, DAY, "500000"))));

    assertEquals(DifferenceKind.PROCESSING_CODE_MISMATCH, item.kind());
  }

  @Test
  void anOwnAccountTransferMatchesOnItsClassWhateverTheAccountDigits() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.APPROVED, 500_000)),
                List.of(record(1, 500_000, false, TERMINAL, DAY, "400010"))));

    assertEquals(DifferenceKind.MATCHED, item.kind());
  }

  @Test
  void aReversalStillInStoreAndForwardWhileTheSwitchSettledIsNamedAsSuch() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.REVERSING, 500_000)), List.of(settled(1, 500_000))));

    assertEquals(DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED, item.kind());
    assertTrue(item.kind().isException());
  }

  @Test
  void anAcknowledgedReversalWhoseOriginalStayedSettledIsReversedButSettled() {
    ReconciliationItem item =
        only(
            reconcile(
                List.of(entry(1, EntryState.REVERSED, 500_000)), List.of(settled(1, 500_000))));

    assertEquals(DifferenceKind.REVERSED_BUT_SETTLED, item.kind());
  }

  @Test
  void aLatePresentmentIsCarriedForwardAndMatchedOnTheDateItSettled() {
    // Journalled (field 15) on the day before, settled by the switch today.
    JournalEntry late = entry(1, EntryState.APPROVED, 500_000);
    List<BusinessDayEntry> journal = onDay(List.of(late), DAY.minusDays(1));

    ReconciliationItem item =
        only(reconciler.reconcile(DAY, TERMINAL, journal, List.of(settled(1, 500_000))));

    assertEquals(DifferenceKind.SETTLED_ON_ANOTHER_DATE, item.kind());
    assertFalse(item.kind().isException());
  }

  @Test
  void anItemWeReversedOnAnotherDateButTheSwitchSettledHereIsReversedButSettledNotCarriedForward() {
    List<BusinessDayEntry> journal =
        onDay(List.of(entry(1, EntryState.REVERSED, 500_000)), DAY.minusDays(1));

    ReconciliationItem item =
        only(reconciler.reconcile(DAY, TERMINAL, journal, List.of(settled(1, 500_000))));

    assertEquals(DifferenceKind.REVERSED_BUT_SETTLED, item.kind());
    assertTrue(item.kind().isException());
  }

  @Test
  void aLateItemThatDiffersIsNamedByItsDifferenceNotCarriedForward() {
    List<BusinessDayEntry> journal =
        onDay(
            List.of(
                entry(1, EntryState.DECLINED, 500_000),
                entry(2, EntryState.REVERSING, 500_000),
                entry(3, EntryState.APPROVED, 500_000)),
            DAY.minusDays(1));

    ReconciliationResult result =
        reconciler.reconcile(
            DAY,
            TERMINAL,
            journal,
            List.of(settled(1, 500_000), settled(2, 500_000), settled(3, 499_000)));

    assertEquals(
        List.of(
            DifferenceKind.DECLINED_BUT_SETTLED,
            DifferenceKind.REVERSAL_QUEUED_BUT_SETTLED,
            DifferenceKind.AMOUNT_MISMATCH),
        result.items().stream().map(ReconciliationItem::kind).toList());
  }

  @Test
  void theLateReversalOfAnItemWeReversedIsCarriedForwardNotAReversalWithoutOriginal() {
    // The original settled (and was flagged) on its own date; its reversal reached this one.
    List<BusinessDayEntry> journal =
        onDay(
            List.of(entry(1, EntryState.REVERSED, 500_000), entry(2, EntryState.APPROVED, 500_000)),
            DAY.minusDays(1));

    ReconciliationResult result =
        reconciler.reconcile(
            DAY, TERMINAL, journal, List.of(reversed(1, 500_000), reversed(2, 500_000)));

    assertEquals(
        List.of(DifferenceKind.SETTLED_ON_ANOTHER_DATE, DifferenceKind.REVERSAL_WITHOUT_ORIGINAL),
        result.items().stream().map(ReconciliationItem::kind).toList());
  }

  @Test
  void aLateApprovalSettledAndReversedHereIsNotFlaggedTwice() {
    List<BusinessDayEntry> journal =
        onDay(List.of(entry(1, EntryState.APPROVED, 500_000)), DAY.minusDays(1));

    assertEquals(
        List.of(),
        reconciler
            .reconcile(DAY, TERMINAL, journal, List.of(settled(1, 500_000), reversed(1, 500_000)))
            .items());
  }

  @Test
  void anEntryOfAnotherDateNotInThisFileIsLeftToItsOwnDateAndNotFlaggedTwice() {
    List<BusinessDayEntry> journal =
        onDay(List.of(entry(1, EntryState.APPROVED, 500_000)), DAY.minusDays(1));

    assertEquals(List.of(), reconciler.reconcile(DAY, TERMINAL, journal, List.of()).items());
  }

  @Test
  void recordsOfAnotherBusinessDateAreNotThisRunsBusiness() {
    ReconciliationResult result =
        reconciler.reconcile(DAY.plusDays(1), TERMINAL, List.of(), List.of(settled(1, 500_000)));

    assertEquals(List.of(), result.items());
  }
}
