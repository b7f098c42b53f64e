// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.switchsim.LinkFixture.connected;
import static org.phonebank.switchsim.LinkFixture.eventually;
import static org.phonebank.switchsim.LinkFixture.sealed;
import static org.phonebank.switchsim.LinkFixture.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.card.CardNumber;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * Sign-on, echo, sign-off and the rule that nothing financial goes out on a link that has not
 * signed on.
 */
class NetworkManagementTest {

  private static final CardNumber MELLI = new CardNumber("6037991234567893");
  private static final LinkFixture.CountingIds IDS = new LinkFixture.CountingIds(1);

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
  void clearFaults() {
    simulator.fault("clear");
  }

  @Test
  void linkSignsOnWhenItComesUpAndSignsOffAtShutdown() {
    int signOns = simulator.signOns();
    int signOffs = simulator.signOffs();
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      assertEquals(signOns + 1, simulator.signOns());
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    }
    eventually(Duration.ofSeconds(5), "sign-off", () -> simulator.signOffs() == signOffs + 1);
  }

  @Test
  void refusedSignOnMeansNoFinancialMessageIsSentAndTheCallerHearsUnreachable() {
    simulator.fault("refuse-sign-on on");
    int financial = simulator.financialRequests();
    int signOns = simulator.signOns();
    try (JposBankSwitch bank = new JposBankSwitch(settings(simulator), credentials)) {
      bank.start();
      eventually(Duration.ofSeconds(10), "a refused sign-on", () -> simulator.signOns() > signOns);

      assertFalse(bank.isReady());
      assertInstanceOf(SwitchOutcome.Unreachable.class, bank.send(balance(bank)));
      assertEquals(financial, simulator.financialRequests());
    }
  }

  @Test
  void idleLinkIsEchoedAtTheConfiguredInterval() {
    int echoes = simulator.echoes();
    try (JposBankSwitch bank =
        connected(settings(simulator).withEchoInterval(Duration.ofMillis(300)), credentials)) {
      eventually(Duration.ofSeconds(10), "two echoes", () -> simulator.echoes() >= echoes + 2);
      assertTrue(bank.isReady());
    }
  }

  @Test
  void missedEchoMarksTheLinkDownAndItSignsOnAgainAfterReconnecting() {
    try (JposBankSwitch bank =
        connected(
            settings(simulator)
                .withEchoInterval(Duration.ofMillis(300))
                .withResponseTimeout(Duration.ofMillis(500)),
            credentials)) {
      int signOns = simulator.signOns();
      simulator.fault("ignore-echo on");
      eventually(Duration.ofSeconds(10), "the link marked down", () -> !bank.isReady());
      simulator.fault("clear");

      eventually(
          Duration.ofSeconds(10),
          "a fresh sign-on",
          () -> simulator.signOns() > signOns && bank.isReady());
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    }
  }

  @Test
  void switchThatSpeaksFirstDoesNotLeaveTheMatcherOneMessageBehind() {
    simulator.fault("chatter on");
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      for (int i = 0; i < 3; i++) {
        SwitchOutcome outcome = bank.send(balance(bank));
        assertEquals(
            Rials.of(12_345_678),
            assertInstanceOf(SwitchOutcome.Approved.class, outcome).balance());
      }
    }
  }

  private static BalanceInquiry balance(JposBankSwitch bank) {
    return new BalanceInquiry(IDS.next(), MELLI, sealed(bank, MELLI, "7391"));
  }
}
