// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.phonebank.banking.BalanceInquiry;
import org.phonebank.banking.BankSwitch;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.jdbc.JdbcJournal;
import org.phonebank.journal.jdbc.JdbcTransactionIdSource;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;

/**
 * The phone bank's own code under load: the bridge, the journal, and both together, each opened
 * once per caller count and held for all its rounds. Each uses its own terminal id, so that STANs
 * of one path never meet another's at the switch.
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
  OpenPath bridgeAlone(int callerCount) throws Exception {
    // A terminal of its own per caller count: the simulator answers a repeated terminal, STAN and
    // RRN with its first answer, and the in-memory STANs start again at 1.
    SwitchSettings settings = settings(String.format("IVRA%04d", callerCount));
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      JposBankSwitch bank = connected(settings);
      opened.add(bank);
      SealedPin pin = sealed(bank);
      opened.add(pin);
      AtomicInteger stans = new AtomicInteger();
      Supplier<TransactionIds> ids =
          () -> {
            Stan stan = new Stan(stans.updateAndGet(n -> n >= Stan.MAX ? 1 : n + 1));
            return new TransactionIds(stan, new Rrn("600000" + stan.digits()), Instant.now());
          };
      List<Caller> callers =
          callers(callerCount, () -> bank.send(new BalanceInquiry(ids.get(), card, pin)));
      return new OpenPath(BenchPath.BRIDGE, callers, opened);
    } catch (Exception | Error e) {
      closeAfter(e, opened);
      throw e;
    }
  }

  /**
   * {@code JournalledSwitch} on Derby over a switch that approves at once: what the journal costs.
   */
  OpenPath journalAlone(SwitchLinkBenchmark.Options options, int callerCount) {
    SwitchSettings settings = settings("IVR00003");
    BenchDatabase database = database(options, "journal-alone-" + callerCount);
    try {
      BankSwitch instant = request -> new SwitchOutcome.Approved("000001", Rials.of(1));
      JournalledSwitch journalled = journalled(instant, database.dataSource(), settings);
      AtomicLong calls = new AtomicLong();
      List<Caller> callers =
          callers(
              callerCount,
              () ->
                  journalled.balanceInquiry(
                      "journal-" + calls.incrementAndGet(), card, new UnreadPin(card)));
      return new OpenPath(BenchPath.JOURNAL, callers, List.of(database));
    } catch (RuntimeException | Error e) {
      closeAfter(e, List.of(database));
      throw e;
    }
  }

  /**
   * The durable floor: per inquiry an INSERT of a row as wide as a journal entry and an UPDATE of
   * it, each committed on its own, on the same database and pool, and nothing else. What two
   * durable commits cost, against which the journal's own overhead is read. {@code indexed} gives
   * the table the journal's indexes ({@link BenchDatabase#indexFloorAsTheJournal}).
   */
  OpenPath durableFloor(SwitchLinkBenchmark.Options options, int callerCount, boolean indexed)
      throws Exception {
    String name = (indexed ? "indexed-floor-" : "floor-") + callerCount;
    BenchDatabase database = database(options, name);
    try {
      if (indexed) {
        database.indexFloorAsTheJournal();
      }
      DataSource pool = database.dataSource();
      AtomicLong ids = new AtomicLong();
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Caller floor =
          () -> {
            long id = ids.incrementAndGet();
            try (Connection connection = pool.getConnection()) {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO bench_floor (id, call_id, type, stan, rrn, terminal_id,"
                          + " transmitted_at, masked_card, card_fingerprint, amount, state,"
                          + " response_code, created_at, updated_at)"
                          + " VALUES (?, ?, 'BALANCE_INQUIRY', ?, ?, 'IVR00004', ?,"
                          + " '603799******7893', ?, NULL, 'PENDING', NULL, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, "floor-" + id);
                insert.setInt(3, (int) (id % 999_999) + 1);
                insert.setString(4, String.format("%012d", id));
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setString(6, "f".repeat(64));
                insert.setTimestamp(7, Timestamp.from(at));
                insert.setTimestamp(8, Timestamp.from(at));
                insert.executeUpdate();
              }
            }
            try (Connection connection = pool.getConnection();
                PreparedStatement update =
                    connection.prepareStatement(
                        "UPDATE bench_floor SET state = 'APPROVED', response_code = '00',"
                            + " updated_at = ? WHERE id = ? AND state = 'PENDING'")) {
              update.setTimestamp(1, Timestamp.from(at));
              update.setLong(2, id);
              return update.executeUpdate() == 1;
            }
          };
      List<Caller> callers = Collections.nCopies(callerCount, floor);
      return new OpenPath(
          indexed ? BenchPath.INDEXED_FLOOR : BenchPath.FLOOR, callers, List.of(database));
    } catch (RuntimeException | Error e) {
      closeAfter(e, List.of(database));
      throw e;
    }
  }

  /**
   * The phone bank's path: {@code JournalledSwitch} over {@code JposBankSwitch}, journal on Derby.
   */
  OpenPath phoneBank(SwitchLinkBenchmark.Options options, int callerCount) throws Exception {
    SwitchSettings settings = settings(String.format("IVRB%04d", callerCount));
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      BenchDatabase database = database(options, "phone-bank-" + callerCount);
      opened.add(database);
      JposBankSwitch bank = connected(settings);
      opened.add(bank);
      SealedPin pin = sealed(bank);
      opened.add(pin);
      JournalledSwitch journalled = journalled(bank, database.dataSource(), settings);
      AtomicLong calls = new AtomicLong();
      List<Caller> callers =
          callers(
              callerCount,
              () -> journalled.balanceInquiry("bench-" + calls.incrementAndGet(), card, pin));
      return new OpenPath(BenchPath.PHONE_BANK, callers, opened);
    } catch (Exception | Error e) {
      closeAfter(e, opened);
      throw e;
    }
  }

  /** Closes what a path had opened before {@code failure}, keeping {@code failure} the cause. */
  static void closeAfter(Throwable failure, List<? extends AutoCloseable> opened) {
    try {
      OpenPath.closeAll(opened);
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * The demo PIN sealed once, as a call seals it at collection: every request of the run carries
   * the same PIN block, as a signed-in caller's requests do.
   */
  private SealedPin sealed(JposBankSwitch bank) {
    try (TelephonePin pin = TelephonePin.of(SwitchLinkBenchmark.PIN.toCharArray())) {
      return bank.seal(pin, card);
    }
  }

  /** A PIN for a switch that never reads one. */
  private record UnreadPin(CardNumber card) implements SealedPin {
    @Override
    public void close() {}
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
      BankSwitch bank, DataSource derby, SwitchSettings settings) {
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

  private static List<Caller> callers(int count, Supplier<SwitchOutcome> inquiry) {
    List<Caller> callers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      callers.add(() -> inquiry.get() instanceof SwitchOutcome.Approved);
    }
    return callers;
  }

  private BenchDatabase database(SwitchLinkBenchmark.Options options, String name) {
    return BenchDatabase.open(options.postgresUrl(), work, name, options.poolSize());
  }
}
