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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.card.CardNumber;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;

/** The plain-text admin port, driven over a real socket as a tester at a keyboard would. */
class AdminConsoleTest {

  private static final CardNumber MELLI = new CardNumber("6037991234567893");
  private static final LinkFixture.CountingIds IDS = new LinkFixture.CountingIds(40_000);

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator =
        SwitchSimulator.start(
            SimulatorSettings.defaults()
                .withCredentials(folder)
                .withPort(0)
                .withAdminPort(0)
                .withFault("delay 0"));
    credentials = SwitchCredentials.load(folder);
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @Test
  void faultSetOverTheAdminPortDropsTheNextAnswer() throws IOException {
    try (JposBankSwitch bank =
            connected(
                settings(simulator).withResponseTimeout(Duration.ofMillis(500)), credentials);
        Admin admin = new Admin()) {
      assertTrue(admin.ask("fault drop-next 1").startsWith("ok"));

      assertEquals(new SwitchOutcome.TimedOut(), bank.send(balance(bank)));
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
      assertTrue(admin.ask("fault clear").startsWith("ok"));
    }
  }

  @Test
  void ledgerCommandShowsTheMaskedCardAndBalanceOnly() throws IOException {
    try (Admin admin = new Admin()) {
      String reply = admin.ask("ledger " + MELLI.digits());

      assertTrue(reply.startsWith("ok 603799******7893"), reply);
      assertTrue(reply.contains("12,345,678 IRR"), reply);
      assertFalse(reply.contains(MELLI.digits()), reply);
    }
  }

  @Test
  void disconnectCommandDropsTheLinkWhichComesBack() throws IOException {
    try (JposBankSwitch bank = connected(settings(simulator), credentials);
        Admin admin = new Admin()) {
      int signOns = simulator.signOns();

      assertTrue(admin.ask("disconnect").startsWith("ok"));

      eventually(
          Duration.ofSeconds(10),
          "a new sign-on",
          () -> simulator.signOns() > signOns && bank.isReady());
    }
  }

  @Test
  void settleCommandWritesTheSettlementFileOfADate() throws IOException {
    Path file = folder.resolve("settlement.txt");
    try (Admin admin = new Admin()) {
      String reply = admin.ask("settle " + simulator.businessDate() + " IVR00001 " + file);

      assertTrue(reply.startsWith("ok"), reply);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("H|PBSTL1|"), text);
      assertTrue(text.contains("\nT|"), text);
      assertTrue(admin.ask("settle 2026-13-01 IVR00001 " + file).startsWith("error"));
      assertTrue(admin.ask("settle tomorrow").startsWith("error usage"));
    }
  }

  @Test
  void unknownCommandsAndFaultsAreRefusedWithAHint() throws IOException {
    try (Admin admin = new Admin()) {
      assertTrue(admin.ask("explode").startsWith("error"));
      assertTrue(admin.ask("fault melt 3").startsWith("error unknown fault"));
      assertTrue(admin.ask("fault drop-next many").startsWith("error"));
    }
  }

  @Test
  void faultsFromTheConfigurationApplyFromTheStart(@TempDir Path other) throws IOException {
    try (SwitchSimulator configured =
            SwitchSimulator.start(
                SimulatorSettings.defaults()
                    .withCredentials(other)
                    .withPort(0)
                    .withFault("answer-91-next 1"));
        JposBankSwitch bank = connected(settings(configured), SwitchCredentials.load(other))) {
      assertEquals(
          "91",
          assertInstanceOf(SwitchOutcome.Declined.class, bank.send(balance(bank))).responseCode());
      assertInstanceOf(SwitchOutcome.Approved.class, bank.send(balance(bank)));
    }
  }

  private static BalanceInquiry balance(JposBankSwitch bank) {
    return new BalanceInquiry(IDS.next(), MELLI, sealed(bank, MELLI, "7391"));
  }

  /** One admin session: a line out, a line back. */
  private static final class Admin implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    Admin() throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), simulator.adminPort());
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    String ask(String command) throws IOException {
      out.println(command);
      return in.readLine();
    }

    @Override
    public void close() throws IOException {
      out.println("quit");
      socket.close();
    }
  }
}
