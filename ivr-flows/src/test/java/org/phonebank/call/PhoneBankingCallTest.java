// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.ScriptedPhone.HANG_UP;
import static org.phonebank.call.ScriptedPhone.NO_INPUT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.prompt.PromptCatalogue;

class PhoneBankingCallTest {

  private static final PromptCatalogue CATALOGUE = PromptCatalogue.load();
  private static final String CARD = "6037991234567893";
  private static final String OTHER_CARD = "5892101234567895";
  private static final String BAD_LUHN_CARD = "6037991234567890";
  private static final String PIN = "7391";

  private final InMemoryJournal journal = new InMemoryJournal();
  private final AtomicInteger stans = new AtomicInteger();
  private final TransactionIdSource ids =
      () -> {
        int stan = stans.incrementAndGet();
        return new TransactionIds(
            new Stan(stan), new Rrn(String.format("63270%07d", stan)), Instant.now());
      };

  private static SwitchOutcome approved(long balance) {
    return new SwitchOutcome.Approved("A1B2C3", Rials.of(balance));
  }

  private static SwitchOutcome declined(DeclineReason reason, String code) {
    return new SwitchOutcome.Declined(reason, code);
  }

  private CallOutcome call(ScriptedSwitch bank, ScriptedPhone phone) {
    return new PhoneBankingCall(new JournalledSwitch(bank, journal, ids), IvrSettings.defaults())
        .run(phone);
  }

  private static ScriptedPhone phone(String... keyGroups) {
    return new ScriptedPhone("call-7f3a", CATALOGUE, keyGroups);
  }

  private static String say(Phrase phrase, Language language) {
    return CATALOGUE.textOf(phrase.in(language));
  }

  private static String welcomeAndMenu(int line) {
    return line == 0
        ? say(Phrase.WELCOME, Language.PERSIAN) + " " + say(Phrase.WELCOME, Language.ENGLISH)
        : say(Phrase.FOR_PERSIAN_PRESS_1, Language.PERSIAN)
            + " "
            + say(Phrase.FOR_ENGLISH_PRESS_2, Language.ENGLISH);
  }

  @Test
  void balanceIsSpokenInPersianAfterCardAndPin() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1_250_000));
    ScriptedPhone phone = phone("1", CARD, PIN);

    CallOutcome outcome = call(bank, phone);

    Language fa = Language.PERSIAN;
    assertEquals(
        List.of(
            welcomeAndMenu(0),
            welcomeAndMenu(1),
            say(Phrase.ENTER_CARD, fa),
            say(Phrase.ENTER_PIN, fa),
            "موجودی قابل برداشت حساب شما یک میلیون و دویست و پنجاه هزار ریال است.",
            say(Phrase.GOODBYE, fa)),
        phone.transcript());
    assertEquals(CallOutcome.BALANCE_SPOKEN, outcome);
    assertTrue(phone.hungUp());
    assertEquals(1, bank.received().size());
    assertEquals(new CardNumber(CARD), bank.received().get(0).card());
    assertEquals(List.of(PIN), bank.pinsSeen());
  }

  @Test
  void balanceIsSpokenInEnglishWhenCallerPressesTwo() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(5_000_000_001L));
    ScriptedPhone phone = phone("2", CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(bank, phone));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.ENTER_CARD, Language.ENGLISH), heard.get(2));
    assertEquals("Your available balance is five billion one rials", heard.get(4));
    assertEquals(say(Phrase.GOODBYE, Language.ENGLISH), heard.get(5));
    assertTrue(phone.hungUp());
  }

  @Test
  void cardIsCollectedAsUpToSeventeenSecretKeysAndPinAsFourSecretDigits() {
    ScriptedPhone phone = phone("2", CARD, PIN);
    call(new ScriptedSwitch(approved(0)), phone);

    List<DigitCollection> asked = phone.questions();
    DigitCollection card = asked.get(1);
    DigitCollection pin = asked.get(2);
    assertAll(
        () -> assertEquals(1, asked.get(0).maxDigits()),
        () -> assertEquals(Duration.ofSeconds(5), asked.get(0).timeout()),
        () -> assertEquals(17, card.maxDigits()),
        () -> assertEquals(Duration.ofSeconds(15), card.timeout()),
        () -> assertEquals(4, pin.minDigits()),
        () -> assertEquals(4, pin.maxDigits()),
        () -> assertEquals(Duration.ofSeconds(10), pin.timeout()),
        () ->
            assertEquals(
                2, phone.secretsHandedOut().size(), "the card and the PIN are collected as secrets"));
  }

  @Test
  void negativeBalanceIsSpokenAsMinus() {
    ScriptedPhone phone = phone("1", CARD, PIN);
    call(new ScriptedSwitch(approved(-2_000)), phone);

    assertEquals("موجودی قابل برداشت حساب شما منفی دو هزار ریال است.", phone.transcript().get(4));
  }

  @Test
  void invalidKeyAtLanguageMenuIsToldInBothLanguagesAndAskedAgain() {
    ScriptedPhone phone = phone("9", NO_INPUT, "2", CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(new ScriptedSwitch(approved(10)), phone));

    String invalid =
        say(Phrase.INVALID_CHOICE, Language.PERSIAN) + " " + say(Phrase.INVALID_CHOICE, Language.ENGLISH);
    assertEquals(
        List.of(welcomeAndMenu(0), welcomeAndMenu(1), invalid, welcomeAndMenu(1), invalid,
            welcomeAndMenu(1)),
        phone.transcript().subList(0, 6));
    assertEquals("Your available balance is ten rials", phone.transcript().get(8));
  }

  @Test
  void threeInvalidLanguageChoicesSayGoodbyeInPersianAndHangUp() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("9", NO_INPUT, "*");

    assertEquals(CallOutcome.NO_LANGUAGE_CHOSEN, call(bank, phone));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.GOODBYE, Language.PERSIAN), heard.get(heard.size() - 1));
    assertEquals(
        3, heard.stream().filter(line -> line.startsWith(say(Phrase.INVALID_CHOICE, Language.PERSIAN))).count());
    assertTrue(phone.hungUp());
    assertTrue(bank.received().isEmpty());
  }

  @Test
  void invalidLuhnCardIsRepromptedNotDropped() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1_000));
    ScriptedPhone phone = phone("2", BAD_LUHN_CARD, CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(bank, phone));

    Language en = Language.ENGLISH;
    assertEquals(
        List.of(say(Phrase.ENTER_CARD, en), say(Phrase.CARD_NOT_VALID, en), say(Phrase.ENTER_CARD, en)),
        phone.transcript().subList(2, 5));
    assertEquals(1, bank.received().size(), "the invalid card never reached the switch");
    assertEquals(new CardNumber(CARD), bank.received().get(0).card());
  }

  @Test
  void shortOrLongCardIsToldItMustBeSixteenDigits() {
    ScriptedPhone phone = phone("2", "603799123", CARD + "12", CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(new ScriptedSwitch(approved(1)), phone));

    Language en = Language.ENGLISH;
    assertEquals(
        List.of(
            say(Phrase.ENTER_CARD, en),
            say(Phrase.CARD_MUST_BE_16_DIGITS, en),
            say(Phrase.ENTER_CARD, en),
            say(Phrase.CARD_MUST_BE_16_DIGITS, en),
            say(Phrase.ENTER_CARD, en),
            say(Phrase.ENTER_PIN, en),
            "Your available balance is one rial"),
        phone.transcript().subList(2, 9));
  }

  @Test
  void silenceAtTheCardPromptIsToldAndAskedAgain() {
    ScriptedPhone phone = phone("1", NO_INPUT, CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(new ScriptedSwitch(approved(1)), phone));

    assertEquals(say(Phrase.NO_ENTRY, Language.PERSIAN), phone.transcript().get(3));
    assertEquals(say(Phrase.ENTER_CARD, Language.PERSIAN), phone.transcript().get(4));
  }

  @Test
  void threeBadCardsEndTheCallWithGoodbyeAndNothingSent() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("2", NO_INPUT, "123", BAD_LUHN_CARD);

    assertEquals(CallOutcome.CARD_NOT_ENTERED, call(bank, phone));

    List<String> heard = phone.transcript();
    Language en = Language.ENGLISH;
    assertEquals(
        List.of(say(Phrase.CARD_NOT_VALID, en), say(Phrase.GOODBYE, en)),
        heard.subList(heard.size() - 2, heard.size()));
    assertTrue(phone.hungUp());
    assertTrue(bank.received().isEmpty());
    assertTrue(journal.all().isEmpty());
  }

  @Test
  void wrongLengthPinIsRepromptedWithoutAskingTheSwitch() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    ScriptedPhone phone = phone("2", CARD, "12", NO_INPUT, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(bank, phone));

    Language en = Language.ENGLISH;
    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, en),
            say(Phrase.PIN_MUST_BE_4_DIGITS, en),
            say(Phrase.ENTER_PIN, en),
            say(Phrase.NO_ENTRY, en),
            say(Phrase.ENTER_PIN, en)),
        phone.transcript().subList(3, 8));
    assertEquals(List.of(PIN), bank.pinsSeen());
  }

  @Test
  void threeMalformedPinsEndTheCallWithGoodbye() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("1", CARD, "1", "123", NO_INPUT);

    assertEquals(CallOutcome.PIN_NOT_ENTERED, call(bank, phone));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.GOODBYE, Language.PERSIAN), heard.get(heard.size() - 1));
    assertTrue(bank.received().isEmpty());
    assertTrue(phone.hungUp());
  }

  @Test
  void wrongPinIsRepromptedAndRetried() {
    ScriptedSwitch bank =
        new ScriptedSwitch(declined(DeclineReason.INCORRECT_PIN, "55"), approved(700_000));
    ScriptedPhone phone = phone("1", CARD, "1111", PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(bank, phone));

    Language fa = Language.PERSIAN;
    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, fa),
            say(Phrase.PIN_INCORRECT, fa),
            say(Phrase.ENTER_PIN, fa),
            "موجودی قابل برداشت حساب شما هفتصد هزار ریال است."),
        phone.transcript().subList(3, 7));
    assertEquals(List.of("1111", PIN), bank.pinsSeen());
    assertEquals(2, journal.all().size(), "each PIN is a new inquiry");
  }

  @Test
  void threeWrongPinsEndTheCallPolitely() {
    SwitchOutcome wrong = declined(DeclineReason.INCORRECT_PIN, "55");
    ScriptedSwitch bank = new ScriptedSwitch(wrong, wrong, wrong);
    ScriptedPhone phone = phone("2", CARD, "1111", "2222", "3333");

    assertEquals(CallOutcome.TOO_MANY_WRONG_PINS, call(bank, phone));

    Language en = Language.ENGLISH;
    List<String> heard = phone.transcript();
    assertEquals(
        List.of(say(Phrase.TOO_MANY_WRONG_PINS, en), say(Phrase.GOODBYE, en)),
        heard.subList(heard.size() - 2, heard.size()));
    assertEquals(2, heard.stream().filter(say(Phrase.PIN_INCORRECT, en)::equals).count());
    assertEquals(3, bank.received().size());
    assertTrue(phone.hungUp());
    assertTrue(phone.scriptFinished());
  }

  @Test
  void unrecognisedCardGoesBackToCardEntry() {
    ScriptedSwitch bank =
        new ScriptedSwitch(declined(DeclineReason.INVALID_CARD, "14"), approved(20));
    ScriptedPhone phone = phone("2", OTHER_CARD, PIN, CARD, PIN);

    assertEquals(CallOutcome.BALANCE_SPOKEN, call(bank, phone));

    Language en = Language.ENGLISH;
    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, en),
            say(Phrase.CARD_NOT_RECOGNISED, en),
            say(Phrase.ENTER_CARD, en),
            say(Phrase.ENTER_PIN, en),
            "Your available balance is twenty rials"),
        phone.transcript().subList(3, 8));
    assertEquals(new CardNumber(CARD), bank.received().get(1).card());
  }

  @Test
  void unrecognisedCardSpendsTheSameTriesAsMistypedOnes() {
    SwitchOutcome unknown = declined(DeclineReason.INVALID_CARD, "14");
    ScriptedSwitch bank = new ScriptedSwitch(unknown);
    ScriptedPhone phone = phone("2", BAD_LUHN_CARD, NO_INPUT, CARD, PIN);

    assertEquals(CallOutcome.CARD_NOT_RECOGNISED, call(bank, phone));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.CARD_NOT_RECOGNISED, Language.ENGLISH), heard.get(heard.size() - 2));
    assertTrue(phone.hungUp());
  }

  @Test
  void otherDeclineIsToldAndCallEnds() {
    ScriptedPhone phone = phone("1", CARD, PIN);

    assertEquals(
        CallOutcome.DECLINED,
        call(new ScriptedSwitch(declined(DeclineReason.EXPIRED_CARD, "54")), phone));

    Language fa = Language.PERSIAN;
    List<String> heard = phone.transcript();
    assertEquals(
        List.of(say(Phrase.REQUEST_DECLINED, fa), say(Phrase.GOODBYE, fa)), heard.subList(4, 6));
    assertTrue(phone.hungUp());
  }

  @Test
  void unreachableSwitchIsToldAndCallEnds() {
    ScriptedPhone phone = phone("2", CARD, PIN);

    assertEquals(
        CallOutcome.SWITCH_UNAVAILABLE,
        call(new ScriptedSwitch(new SwitchOutcome.Unreachable("no link")), phone));

    Language en = Language.ENGLISH;
    assertEquals(
        List.of(say(Phrase.SERVICE_UNAVAILABLE, en), say(Phrase.GOODBYE, en)),
        phone.transcript().subList(4, 6));
    assertTrue(phone.hungUp());
    assertEquals(EntryState.UNREACHABLE, journal.all().get(0).state());
  }

  @Test
  void switchTimeoutIsToldAsUnavailable() {
    ScriptedPhone phone = phone("1", CARD, PIN);

    assertEquals(
        CallOutcome.SWITCH_UNAVAILABLE, call(new ScriptedSwitch(new SwitchOutcome.TimedOut()), phone));

    assertEquals(say(Phrase.SERVICE_UNAVAILABLE, Language.PERSIAN), phone.transcript().get(4));
  }

  @Test
  void callerHangingUpMidPinSendsNothingToTheSwitch() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    ScriptedPhone phone = phone("1", CARD, HANG_UP);
    PhoneBankingCall flow =
        new PhoneBankingCall(new JournalledSwitch(bank, journal, ids), IvrSettings.defaults());

    assertThrows(CallerHungUp.class, () -> flow.handle(phone));

    assertTrue(bank.received().isEmpty());
    assertTrue(journal.all().isEmpty());
    assertEquals(say(Phrase.ENTER_PIN, Language.PERSIAN), phone.transcript().get(3));
  }

  @Test
  void journalEntryIsClosedForEveryInquiry() {
    ScriptedSwitch bank =
        new ScriptedSwitch(
            declined(DeclineReason.INCORRECT_PIN, "55"),
            declined(DeclineReason.INVALID_CARD, "14"),
            approved(3));
    ScriptedPhone phone = phone("2", CARD, "1111", PIN, OTHER_CARD, PIN);

    call(bank, phone);

    List<JournalEntry> entries = journal.forCall("call-7f3a");
    assertEquals(
        List.of(EntryState.DECLINED, EntryState.DECLINED, EntryState.APPROVED),
        entries.stream().map(JournalEntry::state).toList());
    assertEquals(
        List.of("603799******7893", "603799******7893", "589210******7895"),
        entries.stream().map(JournalEntry::maskedCard).toList());
  }

  @Test
  void cardAndPinArraysAreWipedAfterTheInquiry() {
    SwitchOutcome wrong = declined(DeclineReason.INCORRECT_PIN, "55");
    ScriptedSwitch bank = new ScriptedSwitch(wrong, approved(1));
    ScriptedPhone phone = phone("1", CARD, "1111", "12", PIN);

    call(bank, phone);

    assertEquals(4, phone.secretsHandedOut().size(), "the card and three PIN entries");
    for (SecretEntry keyed : phone.secretsHandedOut()) {
      for (char c : keyed.keys()) {
        assertEquals('\0', c, "keyed card or PIN digits were left in memory");
      }
    }
    for (TelephonePin sent : bank.pinsReceived()) {
      assertThrows(IllegalStateException.class, () -> sent.reveal(String::new));
    }
  }

  @Test
  void callLogLineNamesTheCallAndOutcomeButNoDigits() {
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(PhoneBankingCall.class.getName());
    logger.addHandler(capture);
    try {
      call(new ScriptedSwitch(approved(1)), phone("1", CARD, PIN));
    } finally {
      logger.removeHandler(capture);
    }

    assertEquals(List.of("Call call-7f3a ended: BALANCE_SPOKEN"), lines);
    assertFalse(lines.get(0).contains(PIN) || lines.get(0).contains("123456"));
  }
}
