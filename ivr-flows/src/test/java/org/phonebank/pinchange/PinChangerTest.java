// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.pinchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.PIN;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.approved;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.say;
import static org.phonebank.call.CallFixture.signedIn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.balance.BalanceTeller;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.Session;
import org.phonebank.callpath.CallEnding;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Phrase;
import org.phonebank.testing.MaskingPinSealer;

class PinChangerTest {

  private static final Language FA = Language.PERSIAN;
  private static final Language EN = Language.ENGLISH;
  private static final String NEW_PIN = "2580";

  private final CallFixture fixture = new CallFixture();

  private Next change(ScriptedSwitch bank, Session session) {
    return new PinChanger(
            IvrSettings.defaults(), fixture.bank(bank), ScriptedSwitch.PINS, fixture.lockouts)
        .serve(session);
  }

  @Test
  void oldPinThenTheNewOneTwiceChangesThePinAndLaterRequestsCarryIt() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("C00001"), approved(9));
    ScriptedPhone phone = answeredPhone(PIN, NEW_PIN, NEW_PIN);
    Session session = signedIn(phone, FA);

    assertEquals(Next.MAIN_MENU, change(bank, session));
    new BalanceTeller(fixture.bank(bank)).serve(session);

    assertEquals(
        List.of(
            say(Phrase.ENTER_OLD_PIN, FA),
            say(Phrase.ENTER_NEW_PIN, FA),
            say(Phrase.REPEAT_NEW_PIN, FA),
            say(Phrase.PIN_CHANGED, FA)),
        phone.transcript().subList(0, 4));
    assertTrue(bank.received().get(0) instanceof PinChange);
    assertEquals(List.of(PIN, NEW_PIN, NEW_PIN), bank.pinsSeen(), "old, new, then the balance");
    assertEquals(3, phone.secretsHandedOut().size(), "every PIN is collected as a secret");
    for (SecretEntry keyed : phone.secretsHandedOut()) {
      for (char c : keyed.keys()) {
        assertEquals('\0', c);
      }
    }
    session.close();
    for (SealedPin sent : bank.pinsReceived()) {
      assertTrue(MaskingPinSealer.wiped(sent), "a sealed PIN outlived the call");
    }
  }

  @Test
  void weakPinsAndThePinInUseAreRefusedInEnglish() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("C00001"));
    ScriptedPhone phone = answeredPhone(PIN, "1111", "1234", NEW_PIN, NEW_PIN);

    change(bank, signedIn(phone, EN));

    assertEquals(
        List.of(
            say(Phrase.ENTER_OLD_PIN, EN),
            say(Phrase.ENTER_NEW_PIN, EN),
            say(Phrase.PIN_TOO_WEAK, EN),
            say(Phrase.ENTER_NEW_PIN, EN),
            say(Phrase.PIN_TOO_WEAK, EN),
            say(Phrase.ENTER_NEW_PIN, EN),
            say(Phrase.REPEAT_NEW_PIN, EN),
            say(Phrase.PIN_CHANGED, EN)),
        phone.transcript());
    assertEquals(List.of(PIN, NEW_PIN), bank.pinsSeen(), "weak PINs never reach the switch");
  }

  @Test
  void theOldPinAgainIsRefusedAsANewOne() {
    ScriptedPhone phone = answeredPhone(PIN, PIN, PIN, PIN);
    Session session = signedIn(phone, FA);

    assertEquals(Next.OFFER_OFFICER, change(new ScriptedSwitch(), session));

    assertEquals(
        3, phone.transcript().stream().filter(say(Phrase.PIN_TOO_WEAK, FA)::equals).count());
    assertEquals("no acceptable new PIN", session.path().reason());
  }

  @Test
  void mismatchedNewPinsAreAskedAgainAndNothingIsSent() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = answeredPhone(PIN, NEW_PIN, "2581", NEW_PIN, "2590", NEW_PIN, "2000");
    Session session = signedIn(phone, EN);

    assertEquals(Next.OFFER_OFFICER, change(bank, session));

    assertEquals(
        3, phone.transcript().stream().filter(say(Phrase.PINS_DO_NOT_MATCH, EN)::equals).count());
    assertTrue(bank.received().isEmpty());
    assertEquals(CallEnding.GAVE_UP, session.path().ending());
  }

  @Test
  void aWrongOldPinIsToldAndCountsTowardsTheLockout() {
    CardNumber card = new CardNumber(CallFixture.CARD);
    fixture.lockouts.wrongPin(card, 3);
    fixture.lockouts.wrongPin(card, 3);
    ScriptedSwitch bank = new ScriptedSwitch(declined(DeclineReason.INCORRECT_PIN, "55"));
    ScriptedPhone phone = answeredPhone("9999", NEW_PIN, NEW_PIN);
    Session session = signedIn(phone, EN);

    assertEquals(Next.OFFER_OFFICER, change(bank, session));

    assertTrue(fixture.lockouts.isLocked(card));
    assertEquals(CallEnding.LOCKED_OUT, session.path().ending());
    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.CARD_LOCKED, EN), heard.get(heard.size() - 1));
  }

  @Test
  void aWrongOldPinBelowTheLimitIsSimplyTold() {
    ScriptedSwitch bank = new ScriptedSwitch(declined(DeclineReason.INCORRECT_PIN, "55"));
    ScriptedPhone phone = answeredPhone("9999", NEW_PIN, NEW_PIN);

    assertEquals(Next.MAIN_MENU, change(bank, signedIn(phone, FA)));

    List<String> heard = phone.transcript();
    assertEquals(say(Phrase.PIN_INCORRECT, FA), heard.get(heard.size() - 1));
  }
}
