// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jpos.iso.ISOComponent;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinEncipherment;
import org.phonebank.switchlink.pin.PinFormat;
import org.phonebank.switchlink.pin.SealedPinBlock;
import org.phonebank.testing.MaskingPinSealer;

class SwitchMessagesTest {

  private static final String CARD = "6037991234567893";
  private static final Instant SENT = Instant.parse("2026-03-20T20:45:30Z");
  private static final SwitchSettings SETTINGS = SwitchSettings.defaults();
  private static final BalanceInquiry INQUIRY =
      new BalanceInquiry(
          new TransactionIds(new Stan(123), new Rrn("000000000042"), SENT),
          new CardNumber(CARD),
          MaskingPinSealer.sealed("7391", new CardNumber(CARD)));

  @Test
  void balanceInquiryCarriesTheFieldsTheSwitchExpects() throws Exception {
    ISOMsg m = balanceInquiry();

    assertEquals("0200", m.getMTI());
    assertEquals(CARD, m.getString(2));
    assertEquals("310000", m.getString(3));
    assertEquals("000000000000", m.getString(4));
    assertEquals("0320204530", m.getString(7));
    assertEquals("000123", m.getString(11));
    // Tehran is UTC+03:30: 20:45:30 UTC on 20 March is 00:15:30 on 21 March.
    assertEquals("001530", m.getString(12));
    assertEquals("0321", m.getString(13));
    assertEquals("627353", m.getString(32));
    assertEquals("000000000042", m.getString(37));
    assertEquals("IVR00001", m.getString(41));
    assertEquals("PHONEBANKIVR001", m.getString(42));
    assertEquals("364", m.getString(49));
    assertEquals(8, m.getBytes(52).length);
  }

  @Test
  void balanceInquiryPacksAndUnpacksWithTheLinkPackager() throws Exception {
    ISOMsg m = balanceInquiry();
    m.setPackager(SwitchFraming.packager());
    byte[] image = m.pack();

    ISOMsg back = new ISOMsg();
    back.setPackager(SwitchFraming.packager());
    back.unpack(image);

    for (int field : new int[] {0, 2, 3, 4, 7, 11, 12, 13, 22, 25, 32, 37, 41, 42, 49}) {
      assertEquals(m.getString(field), back.getString(field), "field " + field);
    }
    assertArrayEquals(m.getBytes(52), back.getBytes(52));
  }

  @Test
  void neitherCardNorPinBlockAppearsInAnyPrintedFormOfTheRequest() throws Exception {
    ISOMsg m = balanceInquiry();
    String pinBlockHex = HexFormat.of().formatHex(m.getBytes(52));

    List<String> printed = new ArrayList<>();
    printed.add(m.toString());
    for (int i = 0; i <= 128; i++) {
      ISOComponent field = m.getComponent(i);
      if (field != null) {
        printed.add(field.toString());
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        field.dump(new PrintStream(dump, true, StandardCharsets.UTF_8), "");
        // jPOS's dump of field 2 shows the PAN; the link never dumps messages and its channels log
        // nowhere.
        if (i != 2) {
          printed.add(dump.toString(StandardCharsets.UTF_8));
        }
      }
    }
    printed.add(SwitchMessages.describe(m));

    for (String text : printed) {
      assertFalse(text.contains(CARD), text);
      assertFalse(text.toLowerCase().contains(pinBlockHex.toLowerCase()), text);
      assertFalse(text.contains("7391"), text);
    }
  }

  @Test
  void pinBlockIsZeroedAndRemovedAfterSending() throws Exception {
    ISOMsg m = balanceInquiry();
    byte[] inMessage = m.getBytes(52);

    SwitchMessages.wipePinData(m);

    assertFalse(m.hasField(52));
    assertArrayEquals(new byte[8], inMessage);
  }

  @Test
  void approvalCarriesTheAvailableBalanceInRials() throws Exception {
    ISOMsg response = response("00");
    response.set(38, "A1B2C3");
    response.set(54, "0001364C000000000999" + "0002364C098765432100");

    SwitchOutcome outcome = SwitchMessages.outcome(INQUIRY, response);

    assertEquals(new SwitchOutcome.Approved("A1B2C3", Rials.of(98_765_432_100L)), outcome);
  }

  @Test
  void theSettlementDateOfFieldFifteenComesWithTheApprovalAndTheDecline() throws Exception {
    ISOMsg approved = response("00");
    approved.set(15, "0321");
    ISOMsg declined = response("51");
    declined.set(15, "0321");

    SwitchOutcome.Approved approval =
        (SwitchOutcome.Approved) SwitchMessages.outcome(INQUIRY, approved);
    SwitchOutcome.Declined decline =
        (SwitchOutcome.Declined) SwitchMessages.outcome(INQUIRY, declined);

    // Sent on 20 March 2026 (UTC), late enough to be the 21st in Tehran after the cut-over.
    java.time.LocalDate expected = java.time.LocalDate.of(2026, 3, 21);
    assertEquals(expected, approval.settlementDate());
    assertEquals(expected, decline.settlementDate());
    assertNull(
        ((SwitchOutcome.Approved) SwitchMessages.outcome(INQUIRY, response("00")))
            .settlementDate());
  }

  @Test
  void fieldFifteenTakesTheYearNearestTheTransmissionAcrossNewYear() {
    java.time.Instant newYearsEve = java.time.Instant.parse("2026-12-31T20:00:00Z");
    assertEquals(
        java.time.LocalDate.of(2027, 1, 1), SwitchMessages.settlementDate("0101", newYearsEve));
    assertEquals(
        java.time.LocalDate.of(2026, 12, 31), SwitchMessages.settlementDate("1231", newYearsEve));
    assertEquals(
        java.time.LocalDate.of(2026, 12, 31),
        SwitchMessages.settlementDate("1231", java.time.Instant.parse("2027-01-01T01:00:00Z")));
    assertNull(SwitchMessages.settlementDate("1332", newYearsEve));
    assertNull(SwitchMessages.settlementDate(null, newYearsEve));
  }

  @Test
  void approvalWithoutAdditionalAmountsHasNoBalance() throws Exception {
    SwitchOutcome outcome = SwitchMessages.outcome(INQUIRY, response("00"));

    assertNull(((SwitchOutcome.Approved) outcome).balance());
  }

  @Test
  void wrongPinResponseIsDeclinedAsIncorrectPin() throws Exception {
    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55"),
        SwitchMessages.outcome(INQUIRY, response("55")));
  }

  @Test
  void unknownResponseCodeIsStillADecline() throws Exception {
    assertEquals(
        new SwitchOutcome.Declined(DeclineReason.OTHER, "Q7"),
        SwitchMessages.outcome(INQUIRY, response("Q7")));
  }

  @Test
  void responseWithoutResponseCodeIsMalformed() throws Exception {
    ISOMsg response = response("00");
    response.unset(39);

    assertThrows(IllegalArgumentException.class, () -> SwitchMessages.outcome(INQUIRY, response));
  }

  @Test
  void responseMatchesItsRequestOnClassTerminalStanRrnAndTransmissionTime() throws Exception {
    ISOMsg request = balanceInquiry();
    ISOMsg response = response("00");

    assertEquals(SwitchMessages.matchKey(request), SwitchMessages.matchKey(response));
    Map<Integer, String> others =
        Map.of(7, "0321101500", 11, "000124", 37, "000000000043", 41, "IVR00009");
    for (Map.Entry<Integer, String> change : others.entrySet()) {
      ISOMsg other = response("00");
      other.set(change.getKey(), change.getValue());
      assertNotEquals(
          SwitchMessages.matchKey(request),
          SwitchMessages.matchKey(other),
          "field " + change.getKey());
    }
  }

  @Test
  void aLateAnswerToAnEarlierRequestWithTheSameStanAfterAWrapIsNotMatched() throws Exception {
    ISOMsg request = balanceInquiry();
    // The answer to the request that had STAN 000123 before the day's STANs wrapped: same STAN,
    // its own RRN and time.
    ISOMsg late = response("00");
    late.set(37, "000000000007");
    late.set(7, "0320101500");

    assertNotEquals(SwitchMessages.matchKey(request), SwitchMessages.matchKey(late));
  }

  @Test
  void anAnswerMustEchoCardProcessingCodeAmountAndRrnOfItsRequest() throws Exception {
    ISOMsg request = balanceInquiry();
    assertEquals(-1, SwitchMessages.mismatchedEcho(request, response("00")));
    ISOMsg withoutCard = response("00");
    withoutCard.unset(2);
    assertEquals(
        -1, SwitchMessages.mismatchedEcho(request, withoutCard), "field 2 may be left out");

    Map<Integer, String> others =
        Map.of(2, "6037991234567801", 3, "400000", 4, "000000000001", 37, "000000000043");
    for (Map.Entry<Integer, String> change : others.entrySet()) {
      ISOMsg other = response("00");
      other.set(change.getKey(), change.getValue());
      assertEquals(
          change.getKey(),
          SwitchMessages.mismatchedEcho(request, other),
          "field " + change.getKey());
    }
  }

  @Test
  void echoFromTheSwitchIsAnsweredWithApproval() throws Exception {
    ISOMsg echo = SwitchMessages.echoRequest(new Stan(7), SENT, SETTINGS);

    assertTrue(SwitchMessages.isEchoRequest(echo));
    ISOMsg answer = SwitchMessages.echoResponse(echo);
    assertTrue(SwitchMessages.isResponse(answer));
    assertTrue(SwitchMessages.isApprovedEcho(answer));
    assertEquals(SwitchMessages.matchKey(echo), SwitchMessages.matchKey(answer));
  }

  private static ISOMsg response(String code) throws Exception {
    // What a switch sends back: the request's fields echoed, its own response code.
    ISOMsg m = (ISOMsg) balanceInquiry().clone();
    try {
      m.setResponseMTI();
    } catch (org.jpos.iso.ISOException e) {
      throw new AssertionError(e);
    }
    m.unset(52);
    m.unset(64);
    m.set(39, code);
    return m;
  }

  private static ISOMsg balanceInquiry() {
    TransactionIds ids = new TransactionIds(new Stan(123), new Rrn("000000000042"), SENT);
    CardNumber card = new CardNumber(CARD);
    try (TelephonePin pin = TelephonePin.of("7391".toCharArray());
        ZoneKey zpk = ZoneKey.of(HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210"));
        PinBlock block = PinEncipherment.encipher(pin, card, zpk);
        SealedPinBlock sealed = new SealedPinBlock(PinBlock.of(block.bytes()), card, zpk)) {
      BalanceInquiry inquiry = new BalanceInquiry(ids, card, sealed);
      assertFalse(inquiry.toString().contains(CARD));
      assertFalse(block.toString().contains(HexFormat.of().formatHex(block.bytes())));
      return SwitchMessages.financialRequest(inquiry, block, null, PinFormat.ISO_0, SETTINGS);
    }
  }
}
