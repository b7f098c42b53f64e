// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.billpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.CallFixture.signedIn;
import static org.phonebank.call.ScriptedPhone.HANG_UP;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BillPayment;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.Questions;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.Session;
import org.phonebank.journal.EntryState;
import org.phonebank.money.Rials;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

class BillPayerTest {

  /** An electricity bill (type digit 2) and a payment id for 125,000 rials tied to it. */
  private static final String BILL = "1234567027";

  private static final String PAYMENT = "12530422";

  /** The same amount, but its second check digit ties it to another bill. */
  private static final String PAYMENT_OF_ANOTHER_BILL = "12530421";

  private static final String BAD_CHECK_DIGIT_BILL = "1234567028";
  private static final Language FA = Language.PERSIAN;
  private static final Language EN = Language.ENGLISH;

  private final CallFixture fixture = new CallFixture();

  private Next pay(ScriptedSwitch bank, Session session) {
    return pay(bank, session, IvrSettings.defaults());
  }

  private Next pay(ScriptedSwitch bank, Session session, IvrSettings settings) {
    return new BillPayer(fixture.bank(bank), new Questions(settings), settings.dailyBills())
        .serve(session);
  }

  @Test
  void aBillIsReadBackWithItsKindAndAmountInPersianAndPaid() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("P00001"));
    ScriptedPhone phone = answeredPhone(BILL, PAYMENT, "1");

    assertEquals(Next.MAIN_MENU, pay(bank, signedIn(phone, FA)));

    assertEquals(
        List.of(
            say(Phrase.ENTER_BILL_ID, FA),
            say(Phrase.ENTER_PAYMENT_ID, FA),
            "قبض برق به مبلغ صد و بیست و پنج هزار ریال پرداخت می‌شود. "
                + say(Phrase.CONFIRM_OR_CANCEL, FA),
            say(Phrase.BILL_PAID, FA)
                + " شماره پیگیری شما شش سه دو هفت صفر صفر صفر صفر صفر صفر صفر یک است."),
        phone.transcript());
    BillPayment sent = (BillPayment) bank.received().get(0);
    assertEquals(Rials.of(125_000), sent.amount());
    assertEquals(Rials.of(125_000), fixture.journal.all().get(0).amount());
    assertEquals(EntryState.APPROVED, fixture.journal.all().get(0).state());
  }

  @Test
  void anEnglishCallerHearsTheSameBillInEnglish() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("P00001"));
    ScriptedPhone phone = answeredPhone(BILL, PAYMENT, "1");

    pay(bank, signedIn(phone, EN));

    assertEquals(
        "You are about to pay the electricity bill of one hundred twenty five thousand rials "
            + say(Phrase.CONFIRM_OR_CANCEL, EN),
        phone.transcript().get(2));
  }

  @Test
  void badCheckDigitsAndLengthsAreExplainedBeforeTheSwitchIsAsked() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone =
        answeredPhone(
            "12345", BAD_CHECK_DIGIT_BILL, BILL, "123", PAYMENT_OF_ANOTHER_BILL, PAYMENT, "2");

    assertEquals(Next.MAIN_MENU, pay(bank, signedIn(phone, EN)));

    assertEquals(
        List.of(
            say(Phrase.ENTER_BILL_ID, EN),
            say(Phrase.BILL_ID_MUST_BE_6_TO_13_DIGITS, EN),
            say(Phrase.ENTER_BILL_ID, EN),
            say(Phrase.BILL_ID_NOT_VALID, EN),
            say(Phrase.ENTER_BILL_ID, EN),
            say(Phrase.ENTER_PAYMENT_ID, EN),
            say(Phrase.PAYMENT_ID_MUST_BE_6_TO_13_DIGITS, EN),
            say(Phrase.ENTER_PAYMENT_ID, EN),
            say(Phrase.PAYMENT_ID_NOT_VALID, EN),
            say(Phrase.ENTER_PAYMENT_ID, EN)),
        phone.transcript().subList(0, 10));
    assertEquals(say(Phrase.REQUEST_CANCELLED, EN), phone.transcript().get(11));
    assertTrue(bank.received().isEmpty(), "nothing reaches the switch for a cancelled bill");
    assertTrue(fixture.journal.all().isEmpty());
  }

  @Test
  void threeBadBillIdsOfferAnOfficer() {
    ScriptedPhone phone = answeredPhone(BAD_CHECK_DIGIT_BILL, BAD_CHECK_DIGIT_BILL, "1");
    Session session = signedIn(phone, FA);

    assertEquals(Next.OFFER_OFFICER, pay(new ScriptedSwitch(), session));

    assertEquals("bill id not entered", session.path().reason());
  }

  @Test
  void aTimedOutPaymentIsToldItWillBeReversed() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.TimedOut());
    ScriptedPhone phone = answeredPhone(BILL, PAYMENT, "1");

    pay(bank, signedIn(phone, FA));

    assertEquals(say(Phrase.NOT_CONFIRMED_WILL_REVERSE, FA), phone.transcript().get(3));
    assertEquals(List.of(1L), fixture.reversals.fired());
  }

  @Test
  void aDeclinedPaymentSaysWhy() {
    ScriptedSwitch bank = new ScriptedSwitch(declined(DeclineReason.INSUFFICIENT_FUNDS, "51"));
    ScriptedPhone phone = answeredPhone(BILL, PAYMENT, "1");

    pay(bank, signedIn(phone, EN));

    assertEquals(say(Phrase.DECLINE_INSUFFICIENT_FUNDS, EN), phone.transcript().get(3));
  }

  @Test
  void hangingUpBeforeConfirmingPaysNothing() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = answeredPhone(BILL, PAYMENT, HANG_UP);

    assertThrows(CallerHungUp.class, () -> pay(bank, signedIn(phone, EN)));

    assertTrue(bank.received().isEmpty());
    assertTrue(fixture.journal.all().isEmpty());
  }

  @Test
  void aBillOverWhatTheDayLeavesForBillsIsRefusedBeforeTheReadBack() {
    IvrSettings settings =
        IvrSettings.from(
            key ->
                key.equals("phonebank.ivr.daily-bill-limit-rials")
                    ? Optional.of("200000")
                    : Optional.empty());
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("P00001"));
    pay(bank, signedIn(answeredPhone(BILL, PAYMENT, "1"), EN), settings);
    ScriptedPhone second = answeredPhone(BILL, PAYMENT);
    Session session = signedIn(second, EN);

    assertEquals(Next.OFFICER_OR_MENU, pay(bank, session, settings));

    assertEquals(
        "The amount is more than your daily bill payment limit allows. You may still pay today"
            + " seventy five thousand rials",
        second.transcript().get(2));
    assertEquals(1, bank.received().size());
    assertTrue(session.path().steps().contains("bill-payment:over-daily-limit"));
  }

  @Test
  void billsAndTransfersHaveSeparateDailyLimits() {
    IvrSettings settings = IvrSettings.defaults();
    assertEquals(Rials.of(100_000_000), settings.dailyBills().rials());
    assertEquals(Rials.of(200_000_000), settings.dailyTransfers().rials());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BillPayer(
                fixture.bank(new ScriptedSwitch()),
                new Questions(settings),
                settings.dailyTransfers()));
  }
}
