// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.DeclineReason;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.interop.peer.J8583SwitchPeer.Received;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * The phone bank's real bridge (jPOS) against a switch written with j8583 over mutual TLS 1.3: what
 * one side writes the other reads, field by field, and both sides MAC and verify financial messages
 * by the same rule.
 */
class BridgeMeetsAnIndependentPeerTest {

  private static final Duration READY = Duration.ofSeconds(10);
  private static final Duration ECHO_INTERVAL = Duration.ofMillis(200);
  private static final CardNumber SARA = new CardNumber("6037991234567893");
  private static final CardNumber REZA = new CardNumber("6104337654321098");
  private static final CardNumber UNKNOWN = new CardNumber("6273530000111123");
  private static final Map<String, Long> LEDGER =
      Map.of(SARA.digits(), 12_345_678L, REZA.digits(), 98_765_432_100L);
  private static final AtomicInteger STANS = new AtomicInteger(500);

  @TempDir static Path folder;
  static SwitchCredentials credentials;
  static J8583SwitchPeer peer;
  static SwitchSettings settings;
  static JposBankSwitch bank;
  static boolean ready;

  @BeforeAll
  static void connectTheBridgeToThePeer() throws IOException {
    DemoCredentials.generateIfMissing(folder);
    credentials = SwitchCredentials.load(folder);
    peer = J8583SwitchPeer.start(credentials, LEDGER);
    // A short echo interval, so that the periodic echo test happens while the tests run.
    settings =
        SwitchSettings.defaults()
            .withEndpoint("127.0.0.1", peer.port())
            .withEchoInterval(ECHO_INTERVAL);
    bank = new JposBankSwitch(settings, credentials);
    bank.start();
    ready = bank.awaitReady(READY);
  }

  @AfterAll
  static void disconnect() throws IOException {
    if (bank != null) {
      bank.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void linkComesUpOnTheIndependentPeer() {
    assertTrue(
        ready, "the bridge's link to the j8583 peer never came up; peer saw " + peer.problems());
  }

  @Test
  void echoTestIsAnOh800WithNetworkCode301() throws InterruptedException {
    awaitNetworkRequest("301");
    Received echo = firstNetworkRequest("301");

    assertEquals("0800", echo.mti());
    assertTrue(echo.field(7).matches("[0-9]{10}"), "field 7 " + echo.field(7));
    assertTrue(echo.field(11).matches("[0-9]{6}"), "field 11 " + echo.field(11));
    assertEquals(settings.terminalId(), echo.field(41));
  }

  @Test
  void bridgeAnswersTheSwitchsOwnEchoTest() throws Exception {
    Received answer = peer.echoTheBridge(settings.terminalId(), "424242", READY);

    assertEquals("0810", answer.mti());
    assertEquals("424242", answer.field(11));
    assertEquals("00", answer.field(39));
    assertEquals("301", answer.field(70));
  }

  @Test
  void bridgeSignsOnWithNetworkCode001() {
    Received signOn = firstNetworkRequest("001");

    assertEquals("0800", signOn.mti());
    assertTrue(signOn.field(11).matches("[0-9]{6}"), "field 11 " + signOn.field(11));
  }

  @Test
  void bridgeSignsOffWithNetworkCode002WhenItCloses() {
    SwitchSettings d = SwitchSettings.defaults();
    SwitchSettings leaving = settings.withIdentity("IVR00009", d.acquirerId(), d.cardAcceptorId());
    try (JposBankSwitch other = new JposBankSwitch(leaving, credentials)) {
      other.start();
      assertTrue(other.awaitReady(READY), "link of the second bridge");
    }

    assertTrue(
        peer.requests().stream()
            .anyMatch(
                r ->
                    "0800".equals(r.mti())
                        && "002".equals(r.field(70))
                        && "IVR00009".equals(r.field(41))),
        "no sign-off 0800/002 from IVR00009; the peer saw "
            + peer.requests().stream()
                .map(r -> r.mti() + "/" + r.field(70) + "/" + r.field(41))
                .toList());
  }

  @Test
  void balanceInquiryIsApprovedWithTheBalanceInField54() {
    SwitchOutcome outcome = bank.send(inquiry(bank, SARA, "7391", Instant.now()));

    SwitchOutcome.Approved approved =
        assertInstanceOf(SwitchOutcome.Approved.class, outcome, problems());
    assertEquals(Rials.of(12_345_678), approved.balance());
    assertTrue(approved.approvalCode().matches("[0-9]{6}"), approved.approvalCode());
  }

  @Test
  void elevenDigitBalanceCrossesWhole() {
    SwitchOutcome outcome = bank.send(inquiry(bank, REZA, "2580", Instant.now()));

    assertEquals(
        Rials.of(98_765_432_100L),
        assertInstanceOf(SwitchOutcome.Approved.class, outcome, problems()).balance());
  }

  @Test
  void balanceInquiryCarriesTheSpecifiedFieldEncodings() {
    Instant at = Instant.parse("2026-03-21T06:30:05Z");
    BalanceInquiry inquiry = inquiry(bank, SARA, "7391", at);

    bank.send(inquiry);

    Received request = financialRequest(inquiry.ids().stan());
    ZoneId local = ZoneId.of("Asia/Tehran");
    assertEquals("0200", request.mti());
    assertEquals(SARA.digits(), request.field(2));
    assertEquals("310000", request.field(3));
    assertEquals(
        DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(at),
        request.field(7));
    assertEquals(inquiry.ids().stan().digits(), request.field(11));
    assertEquals(
        DateTimeFormatter.ofPattern("HHmmss").withZone(local).format(at), request.field(12));
    assertEquals(DateTimeFormatter.ofPattern("MMdd").withZone(local).format(at), request.field(13));
    assertEquals(inquiry.ids().rrn().value(), request.field(37));
    assertEquals(settings.terminalId(), request.field(41));
    assertEquals(settings.cardAcceptorId(), request.field(42));
    assertEquals("364", request.field(49));
    assertEquals(
        16, request.field(52).length(), "field 52 must be 8 bytes, was " + request.field(52));
    assertEquals("7391", format0Pin(request.field(52), SARA.digits()));
  }

  @Test
  void bridgeMacsItsFinancialRequestsByTheRetailMacRule() {
    BalanceInquiry inquiry = inquiry(bank, SARA, "7391", Instant.now());

    bank.send(inquiry);

    Received request = financialRequest(inquiry.ids().stan());
    assertTrue(
        request.field(64) != null,
        "the 0200 carries no MAC in field 64; fields " + request.fields().keySet());
    assertTrue(request.macVerified(), problems());
  }

  @Test
  void cardUnknownToTheIssuerIsDeclinedAsInvalidCard() {
    SwitchOutcome outcome = bank.send(inquiry(bank, UNKNOWN, "1234", Instant.now()));

    assertEquals(new SwitchOutcome.Declined(DeclineReason.INVALID_CARD, "14"), outcome, problems());
  }

  @Test
  void responseWhoseMacDoesNotVerifyLeavesTheOutcomeUnknown() throws IOException {
    CardNumber tampered = new CardNumber("5892104567890124");
    try (J8583SwitchPeer forger =
            J8583SwitchPeer.start(credentials, Map.of(tampered.digits(), 1L));
        JposBankSwitch other =
            new JposBankSwitch(
                SwitchSettings.defaults()
                    .withEndpoint("127.0.0.1", forger.port())
                    .withResponseTimeout(Duration.ofSeconds(2)),
                credentials)) {
      forger.corruptMacsFor(tampered.digits());
      other.start();
      assertTrue(other.awaitReady(READY), "link to the second peer");

      SwitchOutcome outcome = other.send(inquiry(other, tampered, "1357", Instant.now()));

      // Not an approval, and not a decline either: a forged answer says nothing, so the outcome is
      // unknown.
      assertEquals(new SwitchOutcome.TimedOut(), outcome);
    }
  }

  @Test
  void peerFoundNothingWrongWithTheWireFormat() {
    bank.send(inquiry(bank, SARA, "7391", Instant.now()));

    List<String> problems = peer.problems();
    assertEquals(List.of(), problems);
  }

  /**
   * Waits (up to the readiness bound, not a timed assertion) for the peer to have seen an 0800 with
   * {@code code}.
   */
  private static void awaitNetworkRequest(String code) throws InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline
        && peer.requests().stream()
            .noneMatch(r -> "0800".equals(r.mti()) && code.equals(r.field(70)))) {
      Thread.sleep(20);
    }
  }

  private static Received firstNetworkRequest(String code) {
    return peer.requests().stream()
        .filter(r -> "0800".equals(r.mti()) && code.equals(r.field(70)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "the peer saw no 0800 with field 70 = "
                        + code
                        + "; it saw "
                        + peer.requests().stream().map(r -> r.mti() + "/" + r.field(70)).toList()));
  }

  private static Received financialRequest(Stan stan) {
    return peer.requests().stream()
        .filter(r -> "0200".equals(r.mti()) && stan.digits().equals(r.field(11)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the peer saw no 0200 with STAN " + stan.digits()));
  }

  private static String problems() {
    return "peer found: " + peer.problems();
  }

  private static BalanceInquiry inquiry(
      JposBankSwitch sealer, CardNumber card, String pin, Instant at) {
    Stan stan = new Stan(STANS.incrementAndGet());
    Rrn rrn = new Rrn("60801" + "10" + stan.digits().substring(1));
    try (TelephonePin keyed = TelephonePin.of(pin.toCharArray())) {
      return new BalanceInquiry(new TransactionIds(stan, rrn, at), card, sealer.seal(keyed, card));
    }
  }

  /**
   * The PIN from an ISO 9564 format 0 block under the demo ZPK, decoded here without the bridge's
   * code.
   */
  private static String format0Pin(String blockHex, String pan) {
    byte[] key = peer.pinKey();
    DESedeEngine tdes = new DESedeEngine();
    tdes.init(false, new KeyParameter(key));
    byte[] clear = new byte[8];
    tdes.processBlock(HexFormat.of().parseHex(blockHex), 0, clear, 0);
    String panBlock = "0000" + pan.substring(pan.length() - 13, pan.length() - 1);
    byte[] panBytes = HexFormat.of().parseHex(panBlock);
    for (int i = 0; i < 8; i++) {
      clear[i] ^= panBytes[i];
    }
    String field = HexFormat.of().withUpperCase().formatHex(clear);
    assertEquals('0', field.charAt(0), "PIN block format");
    int length = Character.digit(field.charAt(1), 16);
    assertTrue(field.substring(2 + length).chars().allMatch(c -> c == 'F'), "format 0 pads with F");
    return field.substring(2, 2 + length);
  }
}
