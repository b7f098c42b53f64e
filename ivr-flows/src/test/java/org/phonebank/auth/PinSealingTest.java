// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.CallFixture.CARD;
import static org.phonebank.call.CallFixture.NOW;
import static org.phonebank.call.CallFixture.PIN;
import static org.phonebank.call.CallFixture.answeredPhone;
import static org.phonebank.call.CallFixture.approved;
import static org.phonebank.call.CallFixture.declined;
import static org.phonebank.call.CallFixture.signedIn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.balance.BalanceTeller;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.call.CallFixture;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.HeldDigits;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.Next;
import org.phonebank.call.PathLog;
import org.phonebank.call.ScriptedPhone;
import org.phonebank.call.ScriptedSwitch;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.Session;
import org.phonebank.card.SealedPin;
import org.phonebank.pinchange.PinChanger;
import org.phonebank.prompt.Language;
import org.phonebank.testing.MaskingPinSealer;

/**
 * Issue 10 item 2 in the flows: a PIN lives in clear only from its collection to its sealing. After
 * that the session, the requests and everything they reach hold no PIN digits, only the sealed
 * handle, which later requests carry and the end of the call wipes.
 */
class PinSealingTest {

  private final CallFixture fixture = new CallFixture();

  @Test
  void afterSignInTheSessionHoldsOnlyTheSealedPinAndNoPinDigits() {
    ScriptedSwitch bank =
        new ScriptedSwitch(declined(DeclineReason.INCORRECT_PIN, "55"), approved(9), approved(7));
    ScriptedPhone phone = answeredPhone(CARD, "1111", PIN);
    Session session = new Session(phone, Language.ENGLISH, new PathLog(phone.callId(), NOW));

    assertEquals(
        Next.MAIN_MENU,
        new Authentication(IvrSettings.defaults(), fixture.services(bank)).authenticate(session));

    assertFalse(HeldDigits.in(session, CARD, phone).isEmpty(), "the search reaches the card");
    assertEquals(List.of(), HeldDigits.in(session, PIN, phone), "PIN digits held by the session");
    assertEquals(List.of(), HeldDigits.in(bank.received(), PIN), "PIN digits in the requests");
    assertEquals(List.of(), HeldDigits.in(bank.received(), "1111"), "the wrong PIN's digits");
    for (SecretEntry keyed : phone.secretsHandedOut()) {
      assertEquals(List.of(), HeldDigits.in(keyed, PIN), "the keyed array was not wiped");
      assertEquals(List.of(), HeldDigits.in(keyed, "1111"), "the keyed array was not wiped");
    }
    // The handle is the PIN all the same: the next request carries what was keyed once.
    SealedPin sealed = session.pin();
    assertEquals(PIN, ScriptedSwitch.PINS.open(sealed));
    new BalanceTeller(fixture.bank(bank)).serve(session);
    assertEquals(List.of("1111", PIN, PIN), bank.pinsSeen());
    assertTrue(MaskingPinSealer.wiped(bank.pinsReceived().get(0)), "the refused PIN's handle");
    assertFalse(MaskingPinSealer.wiped(sealed), "the accepted PIN is kept for the call");

    session.close();

    assertTrue(MaskingPinSealer.wiped(sealed), "the accepted PIN outlived the call");
  }

  @Test
  void aPinChangeLeavesOnlyTheNewSealedPinAndWipesTheOld() {
    ScriptedSwitch bank = new ScriptedSwitch(new SwitchOutcome.Approved("C00001"));
    ScriptedPhone phone = answeredPhone(PIN, "2580", "2580");
    Session session = signedIn(phone, Language.ENGLISH);
    SealedPin signedInWith = session.pin();

    new PinChanger(
            IvrSettings.defaults(), fixture.bank(bank), ScriptedSwitch.PINS, fixture.lockouts)
        .serve(session);

    assertEquals(List.of(PIN, "2580"), bank.pinsSeen());
    assertEquals(List.of(), HeldDigits.in(session, "2580", phone), "new PIN digits in the session");
    assertEquals(List.of(), HeldDigits.in(session, PIN, phone), "old PIN digits in the session");
    assertEquals(List.of(), HeldDigits.in(bank.received(), "2580"), "new PIN digits sent");
    assertEquals("2580", ScriptedSwitch.PINS.open(session.pin()));
    assertTrue(MaskingPinSealer.wiped(signedInWith), "the replaced PIN");
    assertTrue(MaskingPinSealer.wiped(bank.pinsReceived().get(0)), "the old PIN sealed to change");
  }

  @Test
  void aCallerWhoHangsUpAfterTheNewPinLeavesNoKeysBehindAndNothingIsSent() {
    ScriptedSwitch bank = new ScriptedSwitch();
    ScriptedPhone phone = answeredPhone(PIN, "2580", ScriptedPhone.HANG_UP);
    Session session = signedIn(phone, Language.ENGLISH);

    assertThrows(
        CallerHungUp.class,
        () ->
            new PinChanger(
                    IvrSettings.defaults(),
                    fixture.bank(bank),
                    ScriptedSwitch.PINS,
                    fixture.lockouts)
                .serve(session));

    assertTrue(bank.received().isEmpty());
    for (SecretEntry keyed : phone.secretsHandedOut()) {
      assertEquals(List.of(), HeldDigits.in(keyed, "2580"), "the new PIN's keys were not wiped");
    }
    assertEquals(List.of(), HeldDigits.in(session, "2580", phone));
  }
}
