// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIdSource;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.PinSealer;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * Shared set-up of the end-to-end tests: settings for a simulator, a signed-on bridge, fresh ids.
 */
final class LinkFixture {

  static final Duration READY = Duration.ofSeconds(10);

  private LinkFixture() {}

  /**
   * A simulator whose cut-over is twelve hours away in the bank's zone, so its business date cannot
   * change while a test runs.
   */
  static SwitchSimulator steadyBusinessDate(java.nio.file.Path credentials)
      throws java.io.IOException {
    java.time.LocalTime cutOver =
        java.time.LocalTime.now(java.time.ZoneId.of("Asia/Tehran"))
            .plusHours(12)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return SwitchSimulator.start(
        SimulatorSettings.defaults().withCredentials(credentials).withPort(0).withCutOver(cutOver));
  }

  static SwitchSettings settings(SwitchSimulator simulator) {
    return SwitchSettings.defaults()
        .withEndpoint("127.0.0.1", simulator.port())
        .withResponseTimeout(Duration.ofSeconds(5))
        .withReconnectDelays(Duration.ofMillis(100), Duration.ofMillis(400))
        .withSafRetryInterval(Duration.ofMillis(200));
  }

  static JposBankSwitch connected(SwitchSettings settings, SwitchCredentials credentials) {
    JposBankSwitch bank = new JposBankSwitch(settings, credentials);
    bank.start();
    if (!bank.awaitReady(READY)) {
      bank.close();
      throw new AssertionError("The link to the simulator did not come up.");
    }
    return bank;
  }

  /**
   * {@code digits} as the phone bank keeps a PIN once keyed: sealed by {@code sealer} for a card.
   */
  static SealedPin sealed(PinSealer sealer, CardNumber card, String digits) {
    try (TelephonePin pin = TelephonePin.of(digits.toCharArray())) {
      return sealer.seal(pin, card);
    }
  }

  /**
   * STANs from a counter, RRNs the STAN in twelve digits: what the journal's persisted counter
   * would give.
   */
  static final class CountingIds implements TransactionIdSource {
    private final AtomicInteger next;

    CountingIds(int first) {
      next = new AtomicInteger(first);
    }

    @Override
    public TransactionIds next() {
      int stan = next.getAndIncrement();
      return new TransactionIds(
          new Stan(stan), new Rrn(String.format("%012d", stan)), Instant.now());
    }
  }

  /**
   * Polls until {@code condition} holds; fails after {@code limit} (a deadline against hangs, not a
   * speed test).
   */
  static void eventually(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never happened: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for: " + what);
      }
    }
  }
}
