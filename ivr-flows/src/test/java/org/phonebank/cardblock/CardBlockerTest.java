// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.cardblock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.CallFixture.signedIn;
import static org.phonebank.call.ScriptedPhone.NO_INPUT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BlockReason;
import org.phonebank.banking.CardBlock;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.Questions;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;

class CardBlockerTest {

  private final CallFixture fixture = new CallFixture();

  private Next block(ScriptedSwitch bank, Session session) {
    return new CardBlocker(fixture.bank(bank), new Questions(IvrSettings.defaults()))
        .serve(session);
  }

  @Test
  void aLostCardIsBlockedAfterConfirmationAndThePersianCallerHearsTheReference() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("B00001"));
    ScriptedPhone phone = answeredPhone("1", "1");
    Session session = signedIn(phone, Language.PERSIAN);

    assertEquals(Next.GOODBYE, block(bank, session));

    assertEquals(
        List.of(
            say(Phrase.BLOCK_REASON_MENU, Language.PERSIAN),
            say(Phrase.BLOCK_CONFIRM, Language.PERSIAN)
                + " "
                + say(Phrase.CONFIRM_OR_CANCEL, Language.PERSIAN),
            "کارت شما مسدود شد. شماره پیگیری شما شش سه دو هفت صفر صفر صفر صفر صفر صفر صفر یک است."),
        phone.transcript());
    assertEquals(BlockReason.LOST, ((CardBlock) bank.received().get(0)).reason());
    assertEquals(CallEnding.SERVED, session.path().ending());
    assertTrue(session.path().steps().contains("card-block:lost"));
  }

  @Test
  void aStolenCardInEnglish() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("B00001"));
    ScriptedPhone phone = answeredPhone("2", "1");

    block(bank, signedIn(phone, Language.ENGLISH));

    assertEquals(BlockReason.STOLEN, ((CardBlock) bank.received().get(0)).reason());
    assertEquals(
        "Your card has been blocked. Your reference number is"
            + " six three two seven zero zero zero zero zero zero zero one",
        phone.transcript().get(2));
  }

  @Test
  void cancellingOrGoingBackBlocksNothing() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone cancels = answeredPhone("3", "2");
    ScriptedPhone goesBack = answeredPhone("*");

    assertEquals(Next.MAIN_MENU, block(bank, signedIn(cancels, Language.ENGLISH)));
    assertEquals(Next.MAIN_MENU, block(bank, signedIn(goesBack, Language.ENGLISH)));

    assertEquals(say(Phrase.REQUEST_CANCELLED, Language.ENGLISH), cancels.transcript().get(2));
    assertTrue(bank.received().isEmpty());
  }

  @Test
  void anInvalidReasonIsExplainedAndSilenceOffersAnOfficer() {
    ScriptedPhone phone = answeredPhone("7", NO_INPUT, NO_INPUT);
    Session session = signedIn(phone, Language.ENGLISH);

    assertEquals(Next.OFFER_OFFICER, block(new ScriptedSwitch(), session));

    assertEquals(say(Phrase.INVALID_CHOICE, Language.ENGLISH), phone.transcript().get(1));
    assertEquals(say(Phrase.NO_ENTRY, Language.ENGLISH), phone.transcript().get(3));
    assertEquals(CallEnding.GAVE_UP, session.path().ending());
  }

  @Test
  void aBlockTheIssuerDidNotConfirmOffersAnOfficer() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.TimedOut());
    ScriptedPhone phone = answeredPhone("1", "1");
    Session session = signedIn(phone, Language.PERSIAN);

    assertEquals(Next.OFFER_OFFICER, block(bank, session));

    assertEquals(say(Phrase.SERVICE_UNAVAILABLE, Language.PERSIAN), phone.transcript().get(2));
    assertEquals(CallEnding.FAILED, session.path().ending());
    assertTrue(
        fixture.reversals.fired().isEmpty(), "a block moves no money, so nothing to reverse");
  }
}
