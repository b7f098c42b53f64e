// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.BAD_LUHN_CARD;
import static org.phonebank.call.CallFixture.OTHER_CARD;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.approved;
import static org.phonebank.call.CallFixture.approvedWithName;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.CallFixture.signedIn;
import static org.phonebank.call.ScriptedPhone.HANG_UP;
import static org.phonebank.call.ScriptedPhone.NO_INPUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.account.AccountNumber;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.call.CallFixture;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.Questions;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.PromptFile;
import org.phonebank.prompt.SpokenName;

class MoneyTransferTest {

  private static final Language FA = Language.PERSIAN;
  private static final Language EN = Language.ENGLISH;
  private static final String PERSIAN_RRN_2 = "شش سه دو هفت صفر صفر صفر صفر صفر صفر صفر دو";
  private static final String ENGLISH_RRN_2 =
      "six three two seven zero zero zero zero zero zero zero two";

  private final CallFixture fixture = new CallFixture();

  private Next transfer(ScriptedSwitch bank, Session session, IvrSettings settings) {
    return new MoneyTransfer(
            fixture.bank(bank),
            new Questions(settings),
            new TransferLimits(settings, fixture.bank(bank)))
        .serve(session);
  }

  private Next transfer(ScriptedSwitch bank, Session session) {
    return transfer(bank, session, IvrSettings.defaults());
  }

  private static IvrSettings limits(long perTransfer, long daily) {
    Map<String, String> keys =
        Map.of(
            "phonebank.ivr.transfer-limit-rials", Long.toString(perTransfer),
            "phonebank.ivr.daily-transfer-limit-rials", Long.toString(daily));
    return IvrSettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  private List<TransactionType> journalled() {
    return fixture.journal.all().stream().map(JournalEntry::type).toList();
  }

  @Test
  void cardToCardInPersianReadsBackTheHolderAndAmountThenSpeaksTheReference() {
    ScriptedSwitch bank =
        new ScriptedSwitch(approvedWithName("علی رضایی"), new SwitchOutcome.Approved("T00001"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "5000000", "1");
    Session session = signedIn(phone, FA);

    assertEquals(Next.MAIN_MENU, transfer(bank, session));

    assertEquals(
        List.of(
            say(Phrase.TRANSFER_MENU, FA),
            say(Phrase.ENTER_DESTINATION_CARD, FA),
            say(Phrase.ENTER_AMOUNT, FA),
            "مبلغ پنج میلیون ریال به ع ل ی ر ض ا ی ی منتقل می‌شود. "
                + say(Phrase.CONFIRM_OR_CANCEL, FA),
            say(Phrase.TRANSFER_DONE, FA) + " شماره پیگیری شما " + PERSIAN_RRN_2 + " است."),
        phone.transcript());
    Transfer sent = (Transfer) bank.received().get(1);
    assertEquals(new TransferDestination.ToCard(new CardNumber(OTHER_CARD)), sent.destination());
    assertEquals(Rials.of(5_000_000), sent.amount());
    assertEquals(
        List.of(TransactionType.HOLDER_NAME_INQUIRY, TransactionType.TRANSFER), journalled());
    assertEquals(EntryState.APPROVED, fixture.journal.all().get(1).state());
    assertEquals(CallEnding.SERVED, session.path().ending());
    assertEquals(1, phone.secretsHandedOut().size(), "the destination card, as a secret");
  }

  @Test
  void ownAccountInEnglishSpellsTheNameTheIssuerReturns() {
    ScriptedSwitch bank =
        new ScriptedSwitch(approvedWithName("Ali Rezaei"), new SwitchOutcome.Approved("T00001"));
    ScriptedPhone phone = answeredPhone("1", "0123456789", "250000", "1");
    Session session = signedIn(phone, EN);

    transfer(bank, session);

    assertEquals(
        "You are about to transfer two hundred fifty thousand rials to A L I R E Z A E I "
            + say(Phrase.CONFIRM_OR_CANCEL, EN),
        phone.transcript().get(3));
    assertEquals(
        "Your transfer is complete. Your reference number is " + ENGLISH_RRN_2,
        phone.transcript().get(4));
    HolderNameInquiry asked = (HolderNameInquiry) bank.received().get(0);
    assertEquals(
        new TransferDestination.ToOwnAccount(new AccountNumber("0123456789")), asked.destination());
  }

  @Test
  void wrongLengthAndBadLuhnDestinationCardsAreExplainedBeforeTheSwitchIsAsked() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali"));
    ScriptedPhone phone = answeredPhone("2", "12345", BAD_LUHN_CARD, OTHER_CARD, "1000", "2");
    Session session = signedIn(phone, EN);

    assertEquals(Next.MAIN_MENU, transfer(bank, session));

    assertEquals(
        List.of(
            say(Phrase.ENTER_DESTINATION_CARD, EN),
            say(Phrase.CARD_MUST_BE_16_DIGITS, EN),
            say(Phrase.ENTER_DESTINATION_CARD, EN),
            say(Phrase.CARD_NOT_VALID, EN),
            say(Phrase.ENTER_DESTINATION_CARD, EN)),
        phone.transcript().subList(1, 6));
    assertEquals(1, bank.received().size());
  }

  @Test
  void cancellingTheReadBackSendsNoTransfer() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("علی"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "1000", "2");
    Session session = signedIn(phone, FA);

    assertEquals(Next.MAIN_MENU, transfer(bank, session));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.REQUEST_CANCELLED, FA), heard.get(heard.size() - 1));
    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), journalled());
    assertTrue(fixture.reversals.events().isEmpty());
    assertTrue(session.path().steps().contains("transfer:cancelled"));
  }

  @Test
  void shortAccountNumberIsExplained() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = answeredPhone("1", "12345", "12*456", NO_INPUT, NO_INPUT);
    Session session = signedIn(phone, EN);

    assertEquals(Next.OFFER_OFFICER, transfer(bank, session));

    assertEquals(
        List.of(
            say(Phrase.ENTER_ACCOUNT, EN),
            say(Phrase.ACCOUNT_MUST_BE_6_TO_19_DIGITS, EN),
            say(Phrase.ENTER_ACCOUNT, EN),
            say(Phrase.ACCOUNT_MUST_BE_6_TO_19_DIGITS, EN),
            say(Phrase.ENTER_ACCOUNT, EN),
            say(Phrase.NO_ENTRY, EN)),
        phone.transcript().subList(1, 7));
    assertTrue(bank.received().isEmpty());
    assertEquals(CallEnding.GAVE_UP, session.path().ending());
  }

  @Test
  void anAmountOverTheOneTransferLimitIsRefusedWithTheLimitSpoken() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "2000000", "0", "900000", "2");
    Session session = signedIn(phone, EN);

    transfer(bank, session, limits(1_000_000, 5_000_000));

    assertEquals(
        List.of(
            say(Phrase.ENTER_AMOUNT, EN),
            "The amount is more than one transfer may move. The limit for one transfer is"
                + " one million rials",
            say(Phrase.ENTER_AMOUNT, EN),
            say(Phrase.AMOUNT_NOT_VALID, EN),
            say(Phrase.ENTER_AMOUNT, EN)),
        phone.transcript().subList(2, 7));
  }

  @Test
  void theDailyLimitCountsTheTransfersAlreadyApprovedTodayInPersian() {
    ScriptedSwitch bank =
        new ScriptedSwitch(
            approvedWithName("علی"), new SwitchOutcome.Approved("T00001"), approvedWithName("علی"));
    IvrSettings settings = limits(1_000_000, 1_500_000);
    ScriptedPhone first = answeredPhone("2", OTHER_CARD, "1000000", "1");
    transfer(bank, signedIn(first, FA), settings);

    ScriptedPhone second = answeredPhone("2", OTHER_CARD, "600000", "500000", "2");
    transfer(bank, signedIn(second, FA), settings);

    assertEquals(
        "مبلغ بیش از سقف روزانه انتقال شماست. مبلغ قابل انتقال امروز پانصد هزار ریال است.",
        second.transcript().get(3));
    assertEquals(
        Rials.of(1_000_000),
        fixture.bank(bank).usedToday(new CardNumber(CallFixture.CARD), TransactionType.TRANSFER));
  }

  @Test
  void aTransferWhoseRoomAnotherCallTookAfterTheAmountWasKeyedIsRefusedAtSendAsOverTheLimit() {
    ScriptedSwitch scripted = new ScriptedSwitch(approvedWithName("Ali"));
    IvrSettings settings = limits(100_000_000, 200_000_000);
    // While this call waits for the holder's name, another call on the card sends 150,000,000
    // that is still unanswered: the day has 50,000,000 left when this one is confirmed.
    BankSwitch bank =
        request -> {
          if (request instanceof HolderNameInquiry) {
            fixture.journal.open(
                "call-other",
                TransactionType.TRANSFER,
                new TransactionIds(new Stan(999), new Rrn("632700000999"), CallFixture.NOW),
                new CardNumber(CallFixture.CARD),
                Rials.of(150_000_000));
          }
          return scripted.send(request);
        };
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "100000000", "1");
    Session session = signedIn(phone, EN);

    Next next =
        new MoneyTransfer(
                fixture.bank(bank),
                new Questions(settings),
                new TransferLimits(settings, fixture.bank(bank)))
            .serve(session);

    assertEquals(Next.OFFICER_OR_MENU, next);
    assertEquals(
        "The amount is more than your daily transfer limit allows. You may still transfer today"
            + " fifty million rials",
        phone.transcript().get(phone.transcript().size() - 1));
    assertEquals(1, scripted.received().size());
    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), typesOf("call-7f3a"));
    assertTrue(session.path().steps().contains("transfer:over-daily-limit"));
  }

  private List<TransactionType> typesOf(String callId) {
    return fixture.journal.forCall(callId).stream().map(JournalEntry::type).toList();
  }

  @Test
  void silenceAtTheReadBackGivesUpWithoutSending() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "1000", NO_INPUT, NO_INPUT, NO_INPUT);
    Session session = signedIn(phone, EN);

    assertEquals(Next.OFFER_OFFICER, transfer(bank, session));

    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), journalled());
    assertEquals("transfer not confirmed", session.path().reason());
  }

  @Test
  void hangingUpAtTheReadBackLeavesNoMoneyMovement() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "1000", HANG_UP);
    Session session = signedIn(phone, EN);

    assertThrows(CallerHungUp.class, () -> transfer(bank, session));

    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), journalled());
    assertTrue(bank.received().stream().noneMatch(Transfer.class::isInstance));
    assertTrue(fixture.reversals.events().isEmpty());
  }

  @Test
  void aTimedOutTransferIsToldItWillBeReversedAndTheReversalIsFired() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali"), new SwitchOutcome.TimedOut());
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "1000", "1");
    Session session = signedIn(phone, EN);

    transfer(bank, session);

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.NOT_CONFIRMED_WILL_REVERSE, EN), heard.get(heard.size() - 1));
    assertEquals(List.of(2L), fixture.reversals.fired());
    assertEquals(EntryState.REVERSING, fixture.journal.all().get(1).state());
    assertTrue(session.path().steps().contains("transfer:timed-out"));
  }

  @Test
  void declinesAndAnUnreachableBankEachHaveTheirOwnReason() {
    ScriptedSwitch bank =
        new ScriptedSwitch(
            approvedWithName("Ali"),
            declined(DeclineReason.INSUFFICIENT_FUNDS, "51"),
            approvedWithName("Ali"),
            new SwitchOutcome.Unreachable("link down"));
    ScriptedPhone first = answeredPhone("2", OTHER_CARD, "1000", "1");
    transfer(bank, signedIn(first, EN));
    ScriptedPhone second = answeredPhone("2", OTHER_CARD, "1000", "1");
    transfer(bank, signedIn(second, EN));

    assertEquals(say(Phrase.DECLINE_INSUFFICIENT_FUNDS, EN), first.transcript().get(4));
    assertEquals(say(Phrase.BANK_UNREACHABLE, EN), second.transcript().get(4));
    assertTrue(fixture.reversals.fired().isEmpty(), "a definite answer needs no reversal");
  }

  @Test
  void aNameWrittenWithAlefMaksuraIsReadBackWithBothFinalYehs() {
    // «مصطفى کریمى» as banks' data often holds it: U+0649 for each final ی.
    ScriptedSwitch bank =
        new ScriptedSwitch(
            approvedWithName("مصطف\u0649 کریم\u0649"), new SwitchOutcome.Approved("T00001"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "5000000", "1");

    transfer(bank, signedIn(phone, FA));

    assertEquals(
        "مبلغ پنج میلیون ریال به م ص ط ف ی ک ر ی م ی منتقل می‌شود. "
            + say(Phrase.CONFIRM_OR_CANCEL, FA),
        phone.transcript().get(3));
  }

  @Test
  void aNameWithALetterThatHasNoRecordingIsNotReadBackAndAnOfficerIsOffered() {
    ScriptedSwitch bank = new ScriptedSwitch(approvedWithName("Ali Ωmega"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "5000000");
    Session session = signedIn(phone, EN);

    assertEquals(Next.OFFER_OFFICER, transfer(bank, session));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.HOLDER_NAME_UNREADABLE, EN), heard.get(heard.size() - 1));
    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), journalled(), "nothing moved");
    assertTrue(session.path().steps().contains("transfer:holder-name-unreadable"));
    assertEquals(CallEnding.FAILED, session.path().ending());
  }

  @Test
  void aNameTheVoiceSpeaksIsPlayedInTheReadBackAndDiscardedAfterIt() {
    ScriptedSwitch bank =
        new ScriptedSwitch(approvedWithName("علي رضايي"), new SwitchOutcome.Approved("T00001"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "5000000", "1");
    List<String> voiced = new ArrayList<>();
    List<String> discarded = new ArrayList<>();
    NameVoice voice =
        (name, language) -> {
          voiced.add(name);
          return Optional.of(
              new SpokenName(
                  new PromptFile(language, "spoken-test"),
                  () -> discarded.add(phone.transcript().get(phone.transcript().size() - 1))));
        };
    IvrSettings settings = IvrSettings.defaults();

    new MoneyTransfer(
            fixture.bank(bank),
            new Questions(settings),
            new TransferLimits(settings, fixture.bank(bank)),
            voice)
        .serve(signedIn(phone, FA));

    assertEquals(List.of("علی رضایی"), voiced, "the voice gets the normalised name");
    assertEquals(
        "مبلغ پنج میلیون ریال به [fa/spoken-test] منتقل می‌شود. "
            + say(Phrase.CONFIRM_OR_CANCEL, FA),
        phone.transcript().get(3));
    assertEquals(1, discarded.size(), "discarded once, after the transfer was announced");
  }

  @Test
  void aDeclinedNameInquiryIsSpokenAndNothingMoves() {
    ScriptedSwitch bank = new ScriptedSwitch(declined(DeclineReason.NOT_PERMITTED, "57"));
    ScriptedPhone phone = answeredPhone("1", "0123456789", "1000");
    Session session = signedIn(phone, FA);

    assertEquals(Next.MAIN_MENU, transfer(bank, session));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.DECLINE_NOT_PERMITTED, FA), heard.get(heard.size() - 1));
    assertEquals(List.of(TransactionType.HOLDER_NAME_INQUIRY), journalled());
    assertTrue(session.path().steps().contains("transfer:holder-name-declined-57"));
  }

  @Test
  void anUnknownDestinationIsSaidSo() {
    ScriptedSwitch bank = new ScriptedSwitch(declined(DeclineReason.INVALID_CARD, "14"));
    ScriptedPhone phone = answeredPhone("2", OTHER_CARD, "1000");

    transfer(bank, signedIn(phone, EN));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.DESTINATION_NOT_FOUND, EN), heard.get(heard.size() - 1));
  }

  @Test
  void starAtTheTransferMenuGoesBack() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    ScriptedPhone phone = answeredPhone("*");

    assertEquals(Next.MAIN_MENU, transfer(bank, signedIn(phone, EN)));

    assertTrue(bank.received().isEmpty());
    assertEquals(List.of(say(Phrase.TRANSFER_MENU, EN)), phone.transcript());
  }
}
