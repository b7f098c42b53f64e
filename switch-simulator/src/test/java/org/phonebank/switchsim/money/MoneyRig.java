// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim.money;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.card.TelephonePin;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.journal.jdbc.JournalSettings;
import org.phonebank.journal.jdbc.JournalStore;
import org.phonebank.money.Rials;
import org.phonebank.settings.SettingsReader;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;
import org.phonebank.testing.UnlimitedMoney;

/**
 * One phone bank's money path wired as the server wires it, on a data source of the test's: the
 * JDBC journal, advice queue and STAN/RRN source ({@link JournalStore}), the real store-and-forward
 * over the real bridge, and {@link JournalledSwitch}. The transfer moves rials from Reza's card to
 * Narges's at the switch simulator, whose ledger is then compared with the journal.
 */
public final class MoneyRig implements AutoCloseable {

  public static final CardNumber REZA = new CardNumber("6104337654321098");
  public static final CardNumber NARGES = new CardNumber("6219861112223333");
  private static final String REZA_PIN = "2580";
  private static final byte[] FINGERPRINT_KEY =
      "fault-tests-card-fingerprint-key-32+".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final JournalStore store;
  private final JournalStore observer;
  private final StoreAndForward saf;
  private final JournalledSwitch journalled;
  private final JposBankSwitch bank;
  private boolean started;

  /**
   * Wires the path over {@code dataSource} (already migrated) for terminal {@code terminalId}; the
   * test's own look at the journal goes through {@code healthy}, the same database unwrapped, so
   * that only the path's steps are counted and failed.
   */
  public MoneyRig(
      DataSource dataSource,
      DataSource healthy,
      JposBankSwitch bank,
      SwitchCredentials credentials,
      String terminalId) {
    Clock clock = Clock.system(SettingsReader.DEFAULT_BANK_ZONE);
    JournalSettings settings = new JournalSettings(SettingsReader.DEFAULT_BANK_ZONE, false, 1);
    store = JournalStore.open(dataSource, settings, terminalId, FINGERPRINT_KEY, clock);
    observer = JournalStore.open(healthy, settings, terminalId, FINGERPRINT_KEY, clock);
    // As the server does: the acknowledgement goes straight to the journal.
    saf =
        new StoreAndForward(
            store.adviceQueue(), bank, credentials.storageKey(), store.journal()::reversed);
    journalled = new JournalledSwitch(bank, store.journal(), store.transactionIds(), saf);
    this.bank = bank;
  }

  /** An embedded Derby database at {@code name} ("memory:x" or a folder), created if new. */
  public static DataSource derby(String name) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    derby.setCreateDatabase("create");
    return derby;
  }

  /** Applies every schema version to {@code dataSource}. */
  public static void migrate(DataSource dataSource) {
    JournalStore.open(
        dataSource,
        new JournalSettings(SettingsReader.DEFAULT_BANK_ZONE, true, 1),
        "IVR00001",
        FINGERPRINT_KEY);
  }

  /** Shuts the embedded Derby database {@code name} down (a folder's lock is then free). */
  public static void shutDownDerby(String name) {
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(name);
    derby.setShutdownDatabase("shutdown");
    try {
      derby.getConnection().close();
    } catch (SQLException expected) {
      // Derby reports a database shut down as an exception (08006).
    }
  }

  /** Starts the store-and-forward sender (what the server does after recovery). */
  public MoneyRig start() {
    if (!started) {
      saf.start();
      started = true;
    }
    return this;
  }

  /**
   * Sends one transfer of {@code rials} for {@code callId}; the outcome, or null when the journal
   * refused it before anything was sent.
   */
  private org.phonebank.card.SealedPin sealedPin() {
    try (TelephonePin pin = TelephonePin.of(REZA_PIN.toCharArray())) {
      return bank.seal(pin, REZA);
    }
  }

  public SwitchOutcome transfer(String callId, long rials) {
    try {
      return UnlimitedMoney.send(
          journalled,
          callId,
          ids ->
              new Transfer(
                  ids, REZA, sealedPin(), new TransferDestination.ToCard(NARGES), Rials.of(rials)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The start-up recovery (every PENDING entry counts as abandoned). */
  public int recover() {
    return journalled.recover();
  }

  /**
   * Sweeps (as the server's sweeper does, with nothing in flight) until every entry of this
   * terminal is final and no advice is left armed or queued, or {@code limit} passed.
   *
   * @return whether it settled
   */
  public boolean settle(Duration limit, boolean sweep) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (sweep) {
        try {
          journalled.sweep(Instant.MAX);
        } catch (RuntimeException e) {
          // The sweeper's own reads may meet the failure too; the next round goes on.
        }
      }
      if (isSettled()) {
        return true;
      }
      Thread.sleep(25);
    }
    return isSettled();
  }

  private boolean isSettled() {
    return observer.journal().unfinished().isEmpty()
        && observer.adviceQueue().armed().isEmpty()
        && observer.adviceQueue().released(1).isEmpty();
  }

  /** The journal entries of {@code callId}. */
  public List<JournalEntry> entries(String callId) {
    return observer.journal().forCall(callId);
  }

  /**
   * Null when the call's entries are all final and the ledger moved by exactly the approved
   * transfers among them; otherwise what differs.
   *
   * @param balanceOf the switch's ledger balance of a card now
   * @param before Reza's and Narges's balances before the call
   */
  public String difference(
      String callId, Map<CardNumber, Rials> before, Function<CardNumber, Rials> balanceOf) {
    long approved = 0;
    List<String> states = new ArrayList<>();
    for (JournalEntry entry : entries(callId)) {
      states.add(entry.type() + " " + entry.state());
      if (!entry.state().isFinal()) {
        return "entry " + entry.id() + " left " + entry.state();
      }
      if (entry.type() == TransactionType.TRANSFER && entry.state() == EntryState.APPROVED) {
        approved += entry.amount().value();
      }
    }
    long rezaMoved = balanceOf.apply(REZA).value() - before.get(REZA).value();
    long nargesMoved = balanceOf.apply(NARGES).value() - before.get(NARGES).value();
    if (rezaMoved != -approved || nargesMoved != approved) {
      return "the ledger moved Reza "
          + rezaMoved
          + " and Narges "
          + nargesMoved
          + " rials but the journal approved "
          + approved
          + " "
          + states;
    }
    return null;
  }

  @Override
  public void close() {
    saf.close();
  }
}
