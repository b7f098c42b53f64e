// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.LinkReply;
import org.phonebank.switchlink.SwitchFraming;
import org.phonebank.switchlink.SwitchLink;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsClientSocketFactory;

/** The bridge against the simulator over real mutual TLS 1.3 sockets on 127.0.0.1. */
class BalanceInquiryOverTheSwitchLinkTest {

  private static final Duration READY = Duration.ofSeconds(10);
  private static final CardNumber MELLI = new CardNumber("6037991234567893");
  private static final CardNumber MELLAT = new CardNumber("6104337654321098");
  private static final CardNumber NOT_IN_LEDGER = new CardNumber("6273530000111123");
  private static final AtomicInteger STANS = new AtomicInteger();

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator =
        SwitchSimulator.start(SimulatorSettings.defaults().withCredentials(folder).withPort(0));
    credentials = SwitchCredentials.load(folder);
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @AfterEach
  void answerPromptlyAgain() {
    simulator.setResponseDelay(Duration.ZERO);
    simulator.setResponseDelay(MELLI, Duration.ZERO);
  }

  @Test
  void balanceInquiryIsApprovedWithTheAvailableBalance() {
    try (JposBankSwitch bank = connected(settings())) {
      SwitchOutcome outcome = bank.send(inquiry(bank, MELLI, "7391"));

      SwitchOutcome.Approved approved = assertInstanceOf(SwitchOutcome.Approved.class, outcome);
      assertEquals(Rials.of(12_345_678), approved.balance());
      assertTrue(approved.approvalCode().matches("[0-9]{6}"));
    }
  }

  @Test
  void elevenDigitBalanceArrivesWhole() {
    try (JposBankSwitch bank = connected(settings())) {
      SwitchOutcome outcome = bank.send(inquiry(bank, MELLAT, "2580"));

      assertEquals(
          Rials.of(98_765_432_100L),
          assertInstanceOf(SwitchOutcome.Approved.class, outcome).balance());
    }
  }

  @Test
  void wrongPinIsDeclinedAsIncorrectPin() {
    try (JposBankSwitch bank = connected(settings())) {
      SwitchOutcome outcome = bank.send(inquiry(bank, MELLI, "7392"));

      assertEquals(
          new SwitchOutcome.Declined(DeclineReason.INCORRECT_PIN, "55", simulator.businessDate()),
          outcome);
    }
  }

  @Test
  void theIssuerAnswers75FromItsOwnPinTryLimitOnEvenForTheRightPin() {
    // A card no other test here uses: once its issuer count runs out it stays blocked.
    CardNumber ali = new CardNumber("5022293333444457");
    try (JposBankSwitch bank = connected(settings())) {
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(inquiry(bank, ali, "864209")));
      List<String> codes = new ArrayList<>();
      for (int guess = 0; guess < Issuer.PIN_TRY_LIMIT; guess++) {
        codes.add(
            assertInstanceOf(SwitchOutcome.Declined.class, bank.send(inquiry(bank, ali, "111111")))
                .responseCode());
      }
      SwitchOutcome rightPinAfterwards = bank.send(inquiry(bank, ali, "864209"));

      List<String> expected = new ArrayList<>(Collections.nCopies(Issuer.PIN_TRY_LIMIT - 1, "55"));
      expected.add("75");
      assertEquals(expected, codes);
      assertEquals(
          new SwitchOutcome.Declined(
              DeclineReason.PIN_TRIES_EXCEEDED, "75", simulator.businessDate()),
          rightPinAfterwards);
    }
  }

  @Test
  void cardUnknownToTheIssuerIsDeclinedAsInvalidCard() {
    try (JposBankSwitch bank = connected(settings())) {
      SwitchOutcome outcome = bank.send(inquiry(bank, NOT_IN_LEDGER, "1234"));

      assertEquals(
          new SwitchOutcome.Declined(DeclineReason.INVALID_CARD, "14", simulator.businessDate()),
          outcome);
    }
  }

  @Test
  void clientWithRogueCertificateGetsNoAnswer() throws Exception {
    TlsClientSocketFactory rogue =
        new TlsClientSocketFactory(
            MutualTls.context(credentials.rogueClient(), credentials.trustAnchors()),
            Duration.ofSeconds(5));
    NACChannel channel = SwitchFraming.clientChannel("127.0.0.1", simulator.port(), rogue);
    try {
      // TLS 1.3 lets the client finish its half of the handshake; the switch's refusal arrives as
      // an alert.
      channel.connect();
      channel.send(echo());
      assertThrows(IOException.class, channel::receive);
    } catch (IOException refusedDuringHandshake) {
      // Refused before anything was sent: just as good.
    } finally {
      channel.disconnect();
    }
  }

  @Test
  void linkWithRogueCertificateNeverComesUp() throws Exception {
    TlsClientSocketFactory rogue =
        new TlsClientSocketFactory(
            MutualTls.context(credentials.rogueClient(), credentials.trustAnchors()),
            Duration.ofSeconds(5));
    try (SwitchLink link = new SwitchLink(settings(), rogue, credentials.macKey())) {
      link.start();

      assertFalse(link.awaitReady(Duration.ofSeconds(2)));
      assertInstanceOf(LinkReply.NotSent.class, link.exchange(echo(), Duration.ofSeconds(1)));
    }
  }

  @Test
  void switchNotRunningMakesTheRequestUnreachable() throws IOException {
    int unused;
    try (ServerSocket probe = new ServerSocket(0)) {
      unused = probe.getLocalPort();
    }
    try (JposBankSwitch bank =
        new JposBankSwitch(settings().withEndpoint("127.0.0.1", unused), credentials)) {
      bank.start();

      assertInstanceOf(SwitchOutcome.Unreachable.class, bank.send(inquiry(bank, MELLI, "7391")));
    }
  }

  @Test
  void answerLaterThanTheResponseTimeoutIsTimedOut() {
    try (JposBankSwitch bank = connected(settings().withResponseTimeout(Duration.ofMillis(500)))) {
      simulator.setResponseDelay(MELLI, Duration.ofSeconds(2));

      assertEquals(new SwitchOutcome.TimedOut(), bank.send(inquiry(bank, MELLI, "7391")));
    }
  }

  @Test
  void responsesFindTheirRequestsWhenTheyComeBackInReverseOrder() throws Exception {
    try (JposBankSwitch bank = connected(settings())) {
      simulator.setResponseDelay(MELLI, Duration.ofSeconds(2));
      CompletableFuture<SwitchOutcome> first =
          CompletableFuture.supplyAsync(() -> bank.send(inquiry(bank, MELLI, "7391")));
      awaitHeldAnswer();

      SwitchOutcome second = bank.send(inquiry(bank, MELLAT, "2580"));

      // The second answer arrived while the first was still held back by the switch.
      assertFalse(first.isDone());
      assertEquals(
          Rials.of(98_765_432_100L),
          assertInstanceOf(SwitchOutcome.Approved.class, second).balance());
      SwitchOutcome firstOutcome = first.get(10, TimeUnit.SECONDS);
      assertEquals(
          Rials.of(12_345_678),
          assertInstanceOf(SwitchOutcome.Approved.class, firstOutcome).balance());
    }
  }

  private static void awaitHeldAnswer() throws InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (simulator.heldAnswers() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The simulator never received the first request.");
      }
      Thread.sleep(10);
    }
  }

  private static JposBankSwitch connected(SwitchSettings settings) {
    JposBankSwitch bank = new JposBankSwitch(settings, credentials);
    bank.start();
    if (!bank.awaitReady(READY)) {
      bank.close();
      throw new AssertionError("The link to the simulator did not come up.");
    }
    return bank;
  }

  private static SwitchSettings settings() {
    return SwitchSettings.defaults()
        .withEndpoint("127.0.0.1", simulator.port())
        .withResponseTimeout(Duration.ofSeconds(5))
        .withReconnectDelay(Duration.ofMillis(200));
  }

  private static BalanceInquiry inquiry(JposBankSwitch bank, CardNumber card, String pin) {
    int stan = STANS.incrementAndGet();
    TransactionIds ids =
        new TransactionIds(new Stan(stan), new Rrn(String.format("%012d", stan)), Instant.now());
    return new BalanceInquiry(ids, card, LinkFixture.sealed(bank, card, pin));
  }

  private static ISOMsg echo() {
    ISOMsg m = new ISOMsg("0800");
    m.set(11, "000999");
    m.set(41, "IVR00001");
    m.set(70, "301");
    return m;
  }
}
