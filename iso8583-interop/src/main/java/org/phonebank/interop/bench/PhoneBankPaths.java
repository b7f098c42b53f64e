// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.jdbc.JdbcJournal;
import org.phonebank.journal.jdbc.JdbcTransactionIdSource;
import org.phonebank.journal.jdbc.SchemaMigrations;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * The phone bank's own code under load: the bridge, the journal, and both together. Each uses its
 * own terminal id, so that STANs of one run never meet another's at the switch.
 */
final class PhoneBankPaths {

  private static final Duration READY = Duration.ofSeconds(15);

  private final int port;
  private final SwitchCredentials credentials;
  private final Path work;
  private final CardNumber card = new CardNumber(SwitchLinkBenchmark.CARD);

  PhoneBankPaths(int port, SwitchCredentials credentials, Path work) {
    this.port = port;
    this.credentials = credentials;
    this.work = work;
  }

  /** {@code JposBankSwitch} alone, STAN and RRN from a counter in memory. */
  RunResult bridgeAlone(SwitchLinkBenchmark.Options options) throws Exception {
    SwitchSettings settings = settings("IVR00002");
    AtomicInteger stans = new AtomicInteger();
    try (JposBankSwitch bank = connected(settings)) {
      Supplier<TransactionIds> ids =
          () -> {
            Stan stan = new Stan(stans.updateAndGet(n -> n >= Stan.MAX ? 1 : n + 1));
            return new TransactionIds(stan, new Rrn("600000" + stan.digits()), Instant.now());
          };
      List<Caller> callers =
          callers(
              options,
              () ->
                  bank.send(
                      new BalanceInquiry(
                          ids.get(),
                          card,
                          TelephonePin.of(SwitchLinkBenchmark.PIN.toCharArray()))));
      Load.run("warm-up bridge", callers, options.warmup());
      return Load.run("bridge", callers, options.transactions());
    }
  }

  /**
   * {@code JournalledSwitch} on Derby over a switch that approves at once: what the journal costs.
   */
  RunResult journalAlone(SwitchLinkBenchmark.Options options) throws Exception {
    SwitchSettings settings = settings("IVR00003");
    EmbeddedDataSource derby = derby("journal-alone");
    try {
      BankSwitch instant = request -> new SwitchOutcome.Approved("000001", Rials.of(1));
      JournalledSwitch journalled = journalled(instant, derby, settings);
      AtomicLong calls = new AtomicLong();
      List<Caller> callers =
          callers(
              options,
              () ->
                  journalled.balanceInquiry(
                      "journal-" + calls.incrementAndGet(),
                      card,
                      TelephonePin.of(SwitchLinkBenchmark.PIN.toCharArray())));
      Load.run("warm-up journal", callers, options.warmup());
      return Load.run("journal", callers, options.transactions());
    } finally {
      shutdown(derby);
    }
  }

  /**
   * The phone bank's path: {@code JournalledSwitch} over {@code JposBankSwitch}, journal on Derby.
   */
  RunResult phoneBank(SwitchLinkBenchmark.Options options) throws Exception {
    SwitchSettings settings = settings(SwitchSettings.defaults().terminalId());
    EmbeddedDataSource derby = derby("phone-bank");
    try (JposBankSwitch bank = connected(settings)) {
      JournalledSwitch journalled = journalled(bank, derby, settings);
      AtomicLong calls = new AtomicLong();
      List<Caller> callers =
          callers(
              options,
              () ->
                  journalled.balanceInquiry(
                      "bench-" + calls.incrementAndGet(),
                      card,
                      TelephonePin.of(SwitchLinkBenchmark.PIN.toCharArray())));
      Load.run("warm-up phone bank", callers, options.warmup());
      return Load.run("phone bank", callers, options.transactions());
    } finally {
      shutdown(derby);
    }
  }

  private SwitchSettings settings(String terminalId) {
    SwitchSettings d = SwitchSettings.defaults();
    return d.withEndpoint("127.0.0.1", port)
        .withIdentity(terminalId, d.acquirerId(), d.cardAcceptorId());
  }

  private JposBankSwitch connected(SwitchSettings settings) {
    JposBankSwitch bank = new JposBankSwitch(settings, credentials);
    bank.start();
    if (!bank.awaitReady(READY)) {
      bank.close();
      throw new IllegalStateException("The bridge's link to the simulator did not come up.");
    }
    return bank;
  }

  private static JournalledSwitch journalled(
      BankSwitch bank, EmbeddedDataSource derby, SwitchSettings settings) {
    Clock clock = Clock.system(settings.localZone());
    // A throw-away fingerprint secret: the benchmark's journal is deleted with its work folder.
    byte[] fingerprintKey = new byte[32];
    new SecureRandom().nextBytes(fingerprintKey);
    return new JournalledSwitch(
        bank,
        new JdbcJournal(derby, settings.terminalId(), fingerprintKey, clock),
        new JdbcTransactionIdSource(derby, settings.terminalId(), clock),
        new InquiriesOnlyReversals());
  }

  private static List<Caller> callers(
      SwitchLinkBenchmark.Options options, Supplier<SwitchOutcome> inquiry) {
    List<Caller> callers = new ArrayList<>();
    for (int i = 0; i < options.callers(); i++) {
      callers.add(() -> inquiry.get() instanceof SwitchOutcome.Approved);
    }
    return callers;
  }

  /**
   * An embedded Derby database on disk, as the phone bank opens it by default (no pool, durable
   * commits).
   */
  private EmbeddedDataSource derby(String name) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(work.resolve(name).toString());
    derby.setCreateDatabase("create");
    SchemaMigrations.migrate(derby);
    return derby;
  }

  private static void shutdown(EmbeddedDataSource derby) {
    EmbeddedDataSource stop = new EmbeddedDataSource();
    stop.setDatabaseName(derby.getDatabaseName());
    stop.setShutdownDatabase("shutdown");
    try {
      stop.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception (SQLState 08006).
    }
  }
}
