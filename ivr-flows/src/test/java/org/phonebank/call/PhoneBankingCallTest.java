// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.BAD_LUHN_CARD;
import static org.phonebank.call.CallFixture.CARD;
import static org.phonebank.call.CallFixture.OTHER_CARD;
import static org.phonebank.call.CallFixture.PIN;
import static org.phonebank.call.CallFixture.approved;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.phone;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.ScriptedPhone.HANG_UP;
import static org.phonebank.call.ScriptedPhone.NO_INPUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.callpath.CallEnding;
import org.phonebank.callpath.CallPath;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.TransactionType;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.testing.InMemoryCardLockouts;
import org.phonebank.testing.MaskingPinSealer;

class PhoneBankingCallTest {

  private static final Language FA = Language.PERSIAN;
  private static final Language EN = Language.ENGLISH;

  private final CallFixture fixture = new CallFixture();

  private CallPath call(ScriptedSwitch bank, ScriptedPhone phone) {
    return new PhoneBankingCall(fixture.services(bank), IvrSettings.defaults()).run(phone);
  }

  /** Runs a call whose script ends in a hang-up, and returns the path it recorded. */
  private CallPath callUntilHangUp(ScriptedSwitch bank, ScriptedPhone phone) {
    PhoneBankingCall flow = new PhoneBankingCall(fixture.services(bank), IvrSettings.defaults());
    assertThrows(CallerHungUp.class, () -> flow.handle(phone));
    return fixture.callPaths.forCall(phone.callId()).orElseThrow();
  }

  private static String welcomeAndMenu(int line) {
    return line == 0
        ? say(Phrase.WELCOME, FA) + " " + say(Phrase.WELCOME, EN)
        : say(Phrase.FOR_PERSIAN_PRESS_1, FA) + " " + say(Phrase.FOR_ENGLISH_PRESS_2, EN);
  }

  @Test
  void balanceIsSpokenInPersianFromTheMainMenu() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(900), approved(1_250_000));
    ScriptedPhone phone = phone("1", CARD, PIN, "1", HANG_UP);

    CallPath path = callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            welcomeAndMenu(0),
            welcomeAndMenu(1),
            say(Phrase.ENTER_CARD, FA),
            say(Phrase.ENTER_PIN, FA),
            say(Phrase.MAIN_MENU, FA),
            "موجودی قابل برداشت حساب شما یک میلیون و دویست و پنجاه هزار ریال است.",
            say(Phrase.MAIN_MENU, FA)),
        phone.transcript());
    assertEquals(2, bank.inquiries().size(), "sign-in checks the PIN; the menu asks afresh");
    assertEquals(List.of(PIN, PIN), bank.pinsSeen());
    assertEquals(CallEnding.SERVED, path.ending());
    assertEquals("hung up at main-menu", path.leaveReason());
    assertEquals("fa", path.language());
    assertEquals(
        List.of("card-entry", "pin-entry", "authenticated", "main-menu", "balance", "main-menu"),
        path.steps());
  }

  @Test
  void balanceIsSpokenInEnglishWhenCallerPressesTwo() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1), approved(5_000_000_001L));
    ScriptedPhone phone = phone("2", CARD, PIN, "1", HANG_UP);

    callUntilHangUp(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.ENTER_CARD, EN), heard.get(2));
    assertEquals(say(Phrase.MAIN_MENU, EN), heard.get(4));
    assertEquals("Your available balance is five billion one rials", heard.get(5));
  }

  @Test
  void cardIsCollectedAsUpToSeventeenSecretKeysAndPinAsFourSecretDigits() {
    ScriptedPhone phone = phone("2", CARD, PIN, HANG_UP);
    callUntilHangUp(new ScriptedSwitch(approved(0)), phone);

    List<DigitCollection> asked = phone.questions();
    DigitCollection card = asked.get(1);
    DigitCollection pin = asked.get(2);
    DigitCollection menu = asked.get(3);
    assertAll(
        () -> assertEquals(1, asked.get(0).maxDigits()),
        () -> assertEquals(Duration.ofSeconds(5), asked.get(0).timeout()),
        () -> assertEquals(17, card.maxDigits()),
        () -> assertEquals(Duration.ofSeconds(15), card.timeout()),
        () -> assertEquals(4, pin.minDigits()),
        () -> assertEquals(4, pin.maxDigits()),
        () -> assertEquals(Duration.ofSeconds(10), pin.timeout()),
        () -> assertEquals(1, menu.maxDigits()),
        () -> assertEquals(Duration.ofSeconds(5), menu.timeout()),
        () ->
            assertEquals(
                2,
                phone.secretsHandedOut().size(),
                "the card and the PIN are collected as secrets"));
  }

  @Test
  void invalidKeyAtLanguageMenuIsToldInBothLanguagesAndAskedAgain() {
    ScriptedPhone phone = phone("9", NO_INPUT, "2", CARD, PIN, HANG_UP);

    callUntilHangUp(new ScriptedSwitch(approved(10)), phone);

    String invalid = say(Phrase.INVALID_CHOICE, FA) + " " + say(Phrase.INVALID_CHOICE, EN);
    assertEquals(
        List.of(
            welcomeAndMenu(0),
            welcomeAndMenu(1),
            invalid,
            welcomeAndMenu(1),
            invalid,
            welcomeAndMenu(1)),
        phone.transcript().subList(0, 6));
  }

  @Test
  void threeInvalidLanguageChoicesSayGoodbyeInPersianAndHangUp() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("9", NO_INPUT, "*");

    CallPath path = call(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.GOODBYE, FA), heard.get(heard.size() - 1));
    assertTrue(phone.hungUp());
    assertTrue(bank.received().isEmpty());
    assertEquals(CallEnding.GAVE_UP, path.ending());
    assertEquals("no language chosen", path.leaveReason());
    assertEquals(path, fixture.callPaths.forCall("call-7f3a").orElseThrow());
  }

  @Test
  void invalidLuhnCardIsRepromptedNotDropped() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1_000));
    ScriptedPhone phone = phone("2", BAD_LUHN_CARD, CARD, PIN, HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_CARD, EN), say(Phrase.CARD_NOT_VALID, EN), say(Phrase.ENTER_CARD, EN)),
        phone.transcript().subList(2, 5));
    assertEquals(1, bank.received().size(), "the invalid card never reached the switch");
    assertEquals(new CardNumber(CARD), bank.received().get(0).card());
  }

  @Test
  void shortOrLongCardIsToldItMustBeSixteenDigits() {
    ScriptedPhone phone = phone("2", "603799123", CARD + "12", CARD, PIN, HANG_UP);

    callUntilHangUp(new ScriptedSwitch(approved(1)), phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.CARD_MUST_BE_16_DIGITS, EN),
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.CARD_MUST_BE_16_DIGITS, EN),
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.MAIN_MENU, EN)),
        phone.transcript().subList(2, 9));
  }

  @Test
  void aCardKeyedWithoutHashIsTakenAndALoneHashIsNeverCalledNoEntry() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    // "#" alone at the card, the card without its # (FreeSWITCH: timeout with the digits), two
    // keys of a four-digit PIN, the PIN, "#" alone at the main menu.
    ScriptedPhone phone = phone("2", "#", CARD, "12", PIN, "#", HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.HASH_ONLY, EN),
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.PIN_MUST_BE_4_DIGITS, EN),
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.MAIN_MENU, EN),
            say(Phrase.INVALID_CHOICE, EN),
            say(Phrase.MAIN_MENU, EN)),
        phone.transcript().subList(2, 11));
    assertEquals(new CardNumber(CARD), bank.received().get(0).card());
  }

  @Test
  void threeBadCardsOfferAnOfficerAndSilenceThereSaysGoodbyeWithNothingSent() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("2", NO_INPUT, "123", BAD_LUHN_CARD, NO_INPUT);

    CallPath path = call(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(
        List.of(
            say(Phrase.CARD_NOT_VALID, EN), say(Phrase.OFFER_OFFICER, EN), say(Phrase.GOODBYE, EN)),
        heard.subList(heard.size() - 3, heard.size()));
    assertTrue(phone.hungUp());
    assertNull(phone.transferredTo());
    assertTrue(bank.received().isEmpty());
    assertTrue(fixture.journal.all().isEmpty());
    assertEquals(CallEnding.GAVE_UP, path.ending());
    assertEquals("card number not entered", path.leaveReason());
  }

  @Test
  void wrongLengthPinIsRepromptedWithoutAskingTheSwitch() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    ScriptedPhone phone = phone("2", CARD, "12", NO_INPUT, PIN, HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.PIN_MUST_BE_4_DIGITS, EN),
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.NO_ENTRY, EN),
            say(Phrase.ENTER_PIN, EN)),
        phone.transcript().subList(3, 8));
    assertEquals(List.of(PIN), bank.pinsSeen());
  }

  @Test
  void threeMalformedPinsOfferAnOfficerWhoTakesTheCallOnZero() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = phone("1", CARD, "1", "123", NO_INPUT, "0");

    CallPath path = call(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(
        List.of(say(Phrase.OFFER_OFFICER, FA), say(Phrase.CONNECTING_TO_OFFICER, FA)),
        heard.subList(heard.size() - 2, heard.size()));
    assertEquals("officers", phone.transferredTo());
    assertFalse(phone.hungUp(), "a call handed to an officer is not hung up");
    assertTrue(bank.received().isEmpty());
    assertEquals(CallEnding.ESCALATED, path.ending());
    assertEquals("PIN not entered", path.leaveReason());
  }

  @Test
  void wrongPinIsRepromptedAndRetriedAndTheRightOneClearsTheCount() {
    ScriptedSwitch bank =
        new ScriptedSwitch(declined(DeclineReason.INCORRECT_PIN, "55"), approved(700_000));
    ScriptedPhone phone = phone("1", CARD, "1111", PIN, HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, FA),
            say(Phrase.PIN_INCORRECT, FA),
            say(Phrase.ENTER_PIN, FA),
            say(Phrase.MAIN_MENU, FA)),
        phone.transcript().subList(3, 7));
    assertEquals(List.of("1111", PIN), bank.pinsSeen());
    assertEquals(2, fixture.journal.all().size(), "each PIN is a new inquiry");
    // Two more wrong PINs must not lock: the right one reset the count.
    assertFalse(fixture.lockouts.wrongPin(new CardNumber(CARD), 3).locked());
    assertFalse(fixture.lockouts.wrongPin(new CardNumber(CARD), 3).locked());
  }

  @Test
  void threeWrongPinsLockTheCardAndOfferAnOfficer() {
    SwitchOutcome wrong = declined(DeclineReason.INCORRECT_PIN, "55");
    ScriptedSwitch bank = new ScriptedSwitch(wrong, wrong, wrong);
    ScriptedPhone phone = phone("2", CARD, "1111", "2222", "3333", "0");

    CallPath path = call(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(
        List.of(
            say(Phrase.TOO_MANY_WRONG_PINS, EN),
            say(Phrase.CARD_LOCKED, EN),
            say(Phrase.OFFER_OFFICER, EN),
            say(Phrase.CONNECTING_TO_OFFICER, EN)),
        heard.subList(heard.size() - 4, heard.size()));
    assertEquals(2, heard.stream().filter(say(Phrase.PIN_INCORRECT, EN)::equals).count());
    assertTrue(fixture.lockouts.isLocked(new CardNumber(CARD)));
    assertEquals(1, fixture.lockouts.locked().size());
    assertEquals(CallEnding.ESCALATED, path.ending());
    assertEquals("wrong PIN limit reached", path.leaveReason());
    assertTrue(phone.scriptFinished());
  }

  @Test
  void whenOtherCallsHoldEveryTryOfTheCardNoGuessIsSent() {
    CardNumber card = new CardNumber(CARD);
    for (int other = 0; other < 3; other++) {
      assertTrue(fixture.lockouts.takeTry(card, 3));
    }
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    ScriptedPhone phone = phone("2", CARD, PIN, "0");

    CallPath path = call(bank, phone);

    assertEquals(List.of(), bank.received(), "no guess reached the switch");
    assertTrue(phone.transcript().contains(say(Phrase.CARD_LOCKED, EN)));
    assertEquals("no PIN tries left", path.leaveReason());
  }

  @Test
  void aRightPinAnsweredAfterOtherCallsLockedTheCardIsNotAccepted() {
    CardNumber card = new CardNumber(CARD);
    // The switch approves this call's guess, but while it was on its way other calls' wrong PINs
    // locked the card.
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    BankSwitch lockedOnTheWay =
        request -> {
          for (int other = 0; other < 3; other++) {
            fixture.lockouts.wrongPin(card, 3);
          }
          return bank.send(request);
        };
    ScriptedPhone phone = phone("2", CARD, PIN, "0");

    CallPath path =
        new PhoneBankingCall(fixture.services(lockedOnTheWay), IvrSettings.defaults()).run(phone);

    assertEquals(1, bank.received().size());
    assertFalse(phone.transcript().contains(say(Phrase.MAIN_MENU, EN)), "not signed in");
    assertEquals("card locked while its PIN was checked", path.leaveReason());
  }

  @Test
  void aRightPinWhoseAnswerCannotBeRecordedIsNotAcceptedAndItsTryStaysHeld() {
    CardNumber card = new CardNumber(CARD);
    ScriptedSwitch bank = new ScriptedSwitch(approved(900));
    BankSwitch sweptOnTheWay =
        request -> {
          // The sweeper takes the guess for abandoned and closes its entry before the answer.
          fixture.journal.close(fixture.journal.all().get(0).id(), new SwitchOutcome.TimedOut());
          return bank.send(request);
        };
    ScriptedPhone phone = phone("2", CARD, PIN);

    CallPath path =
        new PhoneBankingCall(fixture.services(sweptOnTheWay), IvrSettings.defaults()).run(phone);

    assertFalse(phone.transcript().contains(say(Phrase.MAIN_MENU, EN)), "not signed in");
    assertTrue(phone.transcript().contains(say(Phrase.SERVICE_UNAVAILABLE, EN)));
    assertEquals("sign-in answer not recorded", path.leaveReason());
    assertTrue(fixture.lockouts.takeTry(card, 3));
    assertTrue(fixture.lockouts.takeTry(card, 3));
    assertFalse(fixture.lockouts.takeTry(card, 3), "the unrecorded guess still holds its try");
  }

  @Test
  void lockoutCountsAcrossCallsAndSurvivesARestart() {
    SwitchOutcome wrong = declined(DeclineReason.INCORRECT_PIN, "55");
    InMemoryCardLockouts store = new InMemoryCardLockouts();

    // First phone bank: two wrong PINs, then the caller hangs up.
    CallFixture before = new CallFixture(store);
    ScriptedPhone first = phone("1", CARD, "1111", "2222", HANG_UP);
    PhoneBankingCall flow =
        new PhoneBankingCall(
            before.services(new ScriptedSwitch(wrong, wrong)), IvrSettings.defaults());
    assertThrows(CallerHungUp.class, () -> flow.handle(first));
    assertFalse(store.isLocked(new CardNumber(CARD)));

    // "Restart": new flow, new journal, same lockout store. The third wrong PIN locks.
    CallFixture after = new CallFixture(store);
    ScriptedPhone second = phone("1", CARD, "3333", NO_INPUT);
    CallPath locked =
        new PhoneBankingCall(after.services(new ScriptedSwitch(wrong)), IvrSettings.defaults())
            .run(second);
    assertEquals(CallEnding.LOCKED_OUT, locked.ending());
    assertTrue(store.isLocked(new CardNumber(CARD)));

    // A later call with the locked card is refused before any PIN is asked, and the switch hears
    // nothing.
    ScriptedSwitch untouched = new ScriptedSwitch();
    ScriptedPhone third = phone("1", CARD, NO_INPUT);
    CallPath refused =
        new PhoneBankingCall(after.services(untouched), IvrSettings.defaults()).run(third);
    assertEquals(
        List.of(
            say(Phrase.ENTER_CARD, FA),
            say(Phrase.CARD_LOCKED, FA),
            say(Phrase.OFFER_OFFICER, FA),
            say(Phrase.GOODBYE, FA)),
        third.transcript().subList(2, 6));
    assertTrue(untouched.received().isEmpty());
    assertEquals(CallEnding.LOCKED_OUT, refused.ending());

    // An officer lifts the lock; the card may sign in again.
    assertTrue(store.unlock(store.locked().get(0).fingerprint(), "officer-1"));
    ScriptedPhone fourth = phone("1", CARD, PIN, HANG_UP);
    new CallFixture(store);
    PhoneBankingCall again =
        new PhoneBankingCall(
            after.services(new ScriptedSwitch(approved(5))), IvrSettings.defaults());
    assertThrows(CallerHungUp.class, () -> again.handle(fourth));
    assertEquals(say(Phrase.MAIN_MENU, FA), fourth.transcript().get(4));
  }

  @Test
  void unrecognisedCardGoesBackToCardEntry() {
    ScriptedSwitch bank =
        new ScriptedSwitch(declined(DeclineReason.INVALID_CARD, "14"), approved(20));
    ScriptedPhone phone = phone("2", OTHER_CARD, PIN, CARD, PIN, HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(
        List.of(
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.CARD_NOT_RECOGNISED, EN),
            say(Phrase.ENTER_CARD, EN),
            say(Phrase.ENTER_PIN, EN),
            say(Phrase.MAIN_MENU, EN)),
        phone.transcript().subList(3, 8));
    assertEquals(new CardNumber(CARD), bank.received().get(1).card());
  }

  @Test
  void otherDeclineAtSignInIsToldAndCallEnds() {
    ScriptedPhone phone = phone("1", CARD, PIN);

    CallPath path = call(new ScriptedSwitch(declined(DeclineReason.EXPIRED_CARD, "54")), phone);

    assertEquals(
        List.of(say(Phrase.DECLINE_EXPIRED_CARD, FA), say(Phrase.GOODBYE, FA)),
        phone.transcript().subList(4, 6));
    assertTrue(phone.hungUp());
    assertEquals(CallEnding.FAILED, path.ending());
  }

  @Test
  void unreachableSwitchIsToldAndCallEnds() {
    ScriptedPhone phone = phone("2", CARD, PIN);

    call(new ScriptedSwitch(new SwitchOutcome.Unreachable("no link")), phone);

    assertEquals(
        List.of(say(Phrase.SERVICE_UNAVAILABLE, EN), say(Phrase.GOODBYE, EN)),
        phone.transcript().subList(4, 6));
    assertTrue(phone.hungUp());
    assertEquals(EntryState.UNREACHABLE, fixture.journal.all().get(0).state());
  }

  @Test
  void callerHangingUpMidPinSendsNothingAndTheCallPathIsStillRecorded() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1));
    ScriptedPhone phone = phone("1", CARD, HANG_UP);

    CallPath path = callUntilHangUp(bank, phone);

    assertTrue(bank.received().isEmpty());
    assertTrue(fixture.journal.all().isEmpty());
    assertEquals(CallEnding.CALLER_LEFT, path.ending());
    assertEquals("hung up at pin-entry", path.leaveReason());
  }

  @Test
  void zeroAtTheMainMenuHandsTheCallToTheConfiguredOfficerExtension() {
    ScriptedPhone phone = phone("2", CARD, PIN, "0");
    IvrSettings settings =
        IvrSettings.from(
            key ->
                key.equals("phonebank.ivr.officer-extension")
                    ? java.util.Optional.of("7000")
                    : java.util.Optional.empty());

    CallPath path =
        new PhoneBankingCall(fixture.services(new ScriptedSwitch(approved(1))), settings)
            .run(phone);

    assertEquals("7000", phone.transferredTo());
    assertEquals(CallEnding.ESCALATED, path.ending());
    assertEquals("caller asked for an officer", path.leaveReason());
    assertEquals(say(Phrase.CONNECTING_TO_OFFICER, EN), phone.transcript().get(5));
  }

  @Test
  void nineAndStarRepeatTheMainMenuAndOtherKeysAreExplained() {
    ScriptedPhone phone = phone("2", CARD, PIN, "9", "*", "7", HANG_UP);

    callUntilHangUp(new ScriptedSwitch(approved(1)), phone);

    String menu = say(Phrase.MAIN_MENU, EN);
    assertEquals(
        List.of(menu, menu, menu, say(Phrase.INVALID_CHOICE, EN), menu),
        phone.transcript().subList(4, 9));
  }

  @Test
  void silenceAtTheMainMenuAfterAServiceSaysGoodbye() {
    ScriptedPhone phone = phone("2", CARD, PIN, "1", NO_INPUT, NO_INPUT, NO_INPUT);

    CallPath path = call(new ScriptedSwitch(approved(1), approved(2)), phone);

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.GOODBYE, EN), heard.get(heard.size() - 1));
    assertTrue(phone.hungUp());
    assertEquals(CallEnding.SERVED, path.ending());
  }

  @Test
  void blockingTheCardEndsTheCallWithTheReferenceAndGoodbye() {
    ScriptedSwitch bank = new ScriptedSwitch(approved(1), new SwitchOutcome.Approved("B10CK1"));
    ScriptedPhone phone = phone("2", CARD, PIN, "5", "1", "1");

    CallPath path = call(bank, phone);

    List<String> heard = phone.transcript();
    assertEquals(
        List.of(
            "Your card has been blocked. Your reference number is"
                + " six three two seven zero zero zero zero zero zero zero two",
            say(Phrase.GOODBYE, EN)),
        heard.subList(heard.size() - 2, heard.size()));
    assertEquals(CallEnding.SERVED, path.ending());
    assertEquals(TransactionType.CARD_BLOCK, fixture.journal.all().get(1).type());
  }

  @Test
  void journalEntryIsClosedForEveryInquiry() {
    ScriptedSwitch bank =
        new ScriptedSwitch(
            declined(DeclineReason.INCORRECT_PIN, "55"),
            declined(DeclineReason.INVALID_CARD, "14"),
            approved(3));
    ScriptedPhone phone = phone("2", CARD, "1111", PIN, OTHER_CARD, PIN, HANG_UP);

    callUntilHangUp(bank, phone);

    List<JournalEntry> entries = fixture.journal.forCall("call-7f3a");
    assertEquals(
        List.of(EntryState.DECLINED, EntryState.DECLINED, EntryState.APPROVED),
        entries.stream().map(JournalEntry::state).toList());
    assertEquals(
        List.of("603799******7893", "603799******7893", "589210******7895"),
        entries.stream().map(JournalEntry::maskedCard).toList());
  }

  @Test
  void cardAndPinArraysAreWipedByTheEndOfTheCall() {
    SwitchOutcome wrong = declined(DeclineReason.INCORRECT_PIN, "55");
    ScriptedSwitch bank = new ScriptedSwitch(wrong, approved(1), approved(2));
    ScriptedPhone phone = phone("1", CARD, "1111", "12", PIN, "1", HANG_UP);

    callUntilHangUp(bank, phone);

    assertEquals(4, phone.secretsHandedOut().size(), "the card and three PIN entries");
    for (SecretEntry keyed : phone.secretsHandedOut()) {
      for (char c : keyed.keys()) {
        assertEquals('\0', c, "keyed card or PIN digits were left in memory");
      }
    }
    assertEquals(3, bank.pinsReceived().size());
    for (SealedPin sent : bank.pinsReceived()) {
      assertTrue(MaskingPinSealer.wiped(sent), "a sealed PIN outlived the call");
    }
  }

  @Test
  void callPathAndLogLineHoldNoCardOrPinDigits() {
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
    CallPath path;
    try {
      path = call(new ScriptedSwitch(approved(1), approved(2)), phone("1", CARD, PIN, "1", "0"));
    } finally {
      logger.removeHandler(capture);
    }

    assertEquals(List.of("Call call-7f3a ended: ESCALATED (caller asked for an officer)."), lines);
    String everything = String.join(" ", path.steps()) + " " + path.leaveReason() + lines;
    assertFalse(
        everything.contains(PIN) || everything.contains("123456") || everything.contains("7893"));
  }
}
