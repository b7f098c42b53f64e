// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.phonebank.account.AccountNumber;
import org.phonebank.banking.HolderNameInquiry;
import org.phonebank.banking.MiniStatementInquiry;
import org.phonebank.banking.PinChange;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.StatementLine;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.pin.PinBlock;
import org.phonebank.switchlink.pin.PinFormat;
import org.phonebank.testing.MaskingPinSealer;

class SwitchMessagesForEveryRequestTest {

  private static final CardNumber CARD = new CardNumber("6037991234567893");
  private static final CardNumber OTHER = new CardNumber("6104337654321098");
  private static final Instant SENT = Instant.parse("2026-03-20T20:45:30Z");
  private static final TransactionIds IDS =
      new TransactionIds(new Stan(123), new Rrn("000000000042"), SENT);
  private static final SwitchSettings SETTINGS = SwitchSettings.defaults();
  private static final byte[] TDES_BLOCK = HexFormat.of().parseHex("0102030405060708");
  private static final byte[] AES_BLOCK =
      HexFormat.of().parseHex("0102030405060708090A0B0C0D0E0F10");

  @Test
  void cardToCardTransferNamesTheDestinationCardInField103() {
    ISOMsg m = request(transfer(new TransferDestination.ToCard(OTHER)), PinFormat.ISO_0);

    assertEquals("400000", m.getString(3));
    assertEquals("000001250000", m.getString(4));
    assertEquals(OTHER.digits(), m.getString(103));
    assertEquals("0001000000000000", m.getString(53));
  }

  @Test
  void ownAccountTransferSaysSoInTheToAccountDigits() {
    ISOMsg m =
        request(
            transfer(new TransferDestination.ToOwnAccount(new AccountNumber("0101234567002"))),
            PinFormat.ISO_0);

    assertEquals("400010", m.getString(3));
    assertEquals("0101234567002", m.getString(103));
  }

  @Test
  void formatFourBlockTravelsInField62AsHexWithField53SayingSo() {
    ISOMsg m = request(transfer(new TransferDestination.ToCard(OTHER)), PinFormat.ISO_4);

    assertFalse(m.hasField(52));
    assertEquals("0102030405060708090A0B0C0D0E0F10", m.getString(62));
    assertEquals("0401000000000000", m.getString(53));
    assertFalse(m.getComponent(62).toString().contains("0102030405"));
    SwitchMessages.wipePinData(m);
    assertFalse(m.hasField(62));
  }

  @Test
  void pinChangeCarriesTheNewBlockInField63() {
    PinChange change = new PinChange(IDS, CARD, pin("1234"), pin("5678"));
    try (PinBlock old = PinBlock.of(TDES_BLOCK);
        PinBlock fresh = PinBlock.of(TDES_BLOCK)) {
      ISOMsg m = SwitchMessages.financialRequest(change, old, fresh, PinFormat.ISO_0, SETTINGS);

      assertEquals("940000", m.getString(3));
      assertEquals("0102030405060708", m.getString(63));
    }
  }

  @Test
  void reversalRepeatsTheOriginalsIdentityAndNamesItInField90() {
    Transfer original = transfer(new TransferDestination.ToCard(OTHER));
    ISOMsg original0200 = request(original, PinFormat.ISO_0);

    ISOMsg advice = SwitchMessages.reversalAdvice(original, SENT.plusSeconds(12), SETTINGS);

    assertEquals("0420", advice.getString(0));
    for (int field : new int[] {2, 3, 4, 11, 37, 41}) {
      assertEquals(original0200.getString(field), advice.getString(field), "field " + field);
    }
    assertEquals(
        "0200" + "000123" + "0320204530" + "00000627353" + "00000627353", advice.getString(90));
    assertEquals("0320204542", advice.getString(7));
    assertFalse(advice.hasField(52));
    assertEquals(SwitchMessages.matchKey(advice), SwitchMessages.matchKey(answer(advice, "0430")));
    SwitchMessages.markRepeat(advice);
    assertEquals("0421", advice.getString(0));
    assertEquals(SwitchMessages.matchKey(advice), SwitchMessages.matchKey(answer(advice, "0430")));
  }

  @Test
  void holderNameComesBackFromUtf8InField48() {
    ISOMsg response =
        answer(
            request(
                new HolderNameInquiry(
                    IDS, CARD, pin("1234"), new TransferDestination.ToCard(OTHER)),
                PinFormat.ISO_0),
            "0210");
    response.set(39, "00");
    response.set(
        48, new String("رضا کریمی".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));

    SwitchOutcome outcome =
        SwitchMessages.outcome(
            new HolderNameInquiry(IDS, CARD, pin("1234"), new TransferDestination.ToCard(OTHER)),
            response);

    assertEquals("رضا کریمی", assertInstanceOf(SwitchOutcome.Approved.class, outcome).holderName());
  }

  @Test
  void miniStatementLinesAreReadNewestFirstAndMalformedOnesRefused() {
    MiniStatementInquiry inquiry = new MiniStatementInquiry(IDS, CARD, pin("1234"));
    ISOMsg response = answer(request(inquiry, PinFormat.ISO_0), "0210");
    response.set(39, "00");
    response.set(48, "20261122D000000250000" + "20261120C000001000000");

    List<StatementLine> lines =
        assertInstanceOf(SwitchOutcome.Approved.class, SwitchMessages.outcome(inquiry, response))
            .statement();

    assertEquals(
        List.of(
            new StatementLine(
                LocalDate.of(2026, 11, 22), Rials.of(250_000), StatementLine.Direction.DEBIT),
            new StatementLine(
                LocalDate.of(2026, 11, 20), Rials.of(1_000_000), StatementLine.Direction.CREDIT)),
        lines);
    response.set(48, "20261122X000000250000");
    assertThrows(IllegalArgumentException.class, () -> SwitchMessages.outcome(inquiry, response));
  }

  @Test
  void onlyFinancialAndReversalMessagesCarryAMac() {
    assertTrue(SwitchMessages.carriesMac(new ISOMsg("0200")));
    assertTrue(SwitchMessages.carriesMac(new ISOMsg("0430")));
    assertFalse(SwitchMessages.carriesMac(new ISOMsg("0800")));
    assertFalse(SwitchMessages.carriesMac(new ISOMsg("0810")));
  }

  private static ISOMsg request(org.phonebank.banking.SwitchRequest request, PinFormat format) {
    try (PinBlock block = PinBlock.of(format == PinFormat.ISO_0 ? TDES_BLOCK : AES_BLOCK)) {
      return SwitchMessages.financialRequest(request, block, null, format, SETTINGS);
    }
  }

  private static ISOMsg answer(ISOMsg request, String mti) {
    ISOMsg m = (ISOMsg) request.clone();
    try {
      m.setMTI(mti);
    } catch (org.jpos.iso.ISOException e) {
      throw new AssertionError(e);
    }
    return m;
  }

  private static Transfer transfer(TransferDestination to) {
    return new Transfer(IDS, CARD, pin("1234"), to, Rials.of(1_250_000));
  }

  private static SealedPin pin(String digits) {
    // The message takes its blocks as arguments: the request's handle is only carried.
    return MaskingPinSealer.sealed(digits, CARD);
  }
}
