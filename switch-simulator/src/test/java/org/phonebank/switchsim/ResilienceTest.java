// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.phonebank.switchsim.LinkFixture.connected;
import static org.phonebank.switchsim.LinkFixture.eventually;
import static org.phonebank.switchsim.LinkFixture.sealed;
import static org.phonebank.switchsim.LinkFixture.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.phonebank.switchlink.SwitchEndpoint;
import org.phonebank.switchlink.keys.SwitchCredentials;

/** Failover, reconnection, and bad input from the switch that must not take a healthy link down. */
class ResilienceTest {

  private static final CardNumber MELLI = new CardNumber("6037991234567893");
  private static final LinkFixture.CountingIds IDS = new LinkFixture.CountingIds(5_000);

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
  void garbledTruncatedUnknownAndDuplicateMessagesAreDroppedAndTheLinkStaysUp() {
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      int signOns = simulator.signOns();
      simulator.fault("garbage-next 2");

      for (int i = 0; i < 3; i++) {
        SwitchOutcome outcome = bank.send(balance(bank));
        assertEquals(
            Rials.of(12_345_678),
            assertInstanceOf(SwitchOutcome.Approved.class, outcome).balance());
      }
      assertEquals(signOns, simulator.signOns());
    }
  }

  @Test
  void responseWithABadMacCountsAsNoResponse() {
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      simulator.fault("bad-mac-next 1");

      assertEquals(new SwitchOutcome.TimedOut(), bank.send(balance(bank)));
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    }
  }

  @Test
  void droppedLinkIsReconnectedAndSignedOnAgain() {
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      int signOns = simulator.signOns();
      simulator.disconnectAll();

      eventually(
          Duration.ofSeconds(10),
          "a new sign-on",
          () -> simulator.signOns() > signOns && bank.isReady());
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    }
  }

  @Test
  void disconnectMidTransactionIsTimedOut() {
    try (JposBankSwitch bank = connected(settings(simulator), credentials)) {
      simulator.fault("disconnect-next 1");

      assertEquals(new SwitchOutcome.TimedOut(), bank.send(balance(bank)));
    }
  }

  @Test
  void secondEndpointTakesOverAtOnceWhenTheFirstGoesAway() throws IOException {
    SwitchSimulator first =
        SwitchSimulator.start(SimulatorSettings.defaults().withCredentials(folder).withPort(0));
    List<SwitchEndpoint> both =
        List.of(
            new SwitchEndpoint("127.0.0.1", first.port()),
            new SwitchEndpoint("127.0.0.1", simulator.port()));
    try (JposBankSwitch bank = connected(settings(simulator).withEndpoints(both), credentials)) {
      assertEquals(both.get(0), bank.activeEndpoint());
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));

      first.close();

      eventually(
          Duration.ofSeconds(10),
          "failover to the second endpoint",
          () -> both.get(1).equals(bank.activeEndpoint()));
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    } finally {
      first.close();
    }
  }

  private static BalanceInquiry balance(JposBankSwitch bank) {
    return new BalanceInquiry(IDS.next(), MELLI, sealed(bank, MELLI, "7391"));
  }
}
