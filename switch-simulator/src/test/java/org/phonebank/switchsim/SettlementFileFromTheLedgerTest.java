// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.switchsim.LinkFixture.connected;
import static org.phonebank.switchsim.LinkFixture.eventually;
import static org.phonebank.switchsim.LinkFixture.sealed;
import static org.phonebank.switchsim.LinkFixture.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.TransactionIds;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.KindTotal;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationResult;
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;
import org.phonebank.testing.InMemoryAdviceQueue;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.UnlimitedMoney;

/**
 * The settlement file the simulator writes from its ledger, over the real link: what was posted,
 * what was reversed, and that it reads back and reconciles against the phone bank's journal.
 */
class SettlementFileFromTheLedgerTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final CardNumber REZA = new CardNumber("6104337654321098");
  private static final CardNumber NARGES = new CardNumber("6219861112223333");

  @TempDir Path folder;

  @Test
  void theFileHoldsWhatTheSwitchSettledAndReconcilesCleanAgainstTheJournal() throws Exception {
    // A cut-over twelve hours away, so the business date cannot change while the test runs.
    LocalTime cutOver = LocalTime.now(TEHRAN).plusHours(12).truncatedTo(ChronoUnit.MINUTES);
    try (SwitchSimulator simulator =
        SwitchSimulator.start(
            SimulatorSettings.defaults()
                .withCredentials(folder)
                .withPort(0)
                .withCutOver(cutOver))) {
      SwitchCredentials credentials = SwitchCredentials.load(folder);
      SwitchSettings link = settings(simulator).withResponseTimeout(Duration.ofMillis(700));
      InMemoryJournal journal = new InMemoryJournal();
      try (JposBankSwitch bank = connected(link, credentials)) {
        send(simulator, bank, credentials, journal);
      }
      LocalDate today = simulator.businessDate();
      byte[] bytes = simulator.settlementFile(today, link.terminalId());

      SettlementFile file =
          new SettlementFileParser(1_000_000).parse(bytes, today, link.terminalId());

      // One transfer approved (50,000) and one posted, then reversed after its answer was dropped.
      assertEquals(3, file.records().size());
      assertEquals(new KindTotal(2, Rials.of(80_000)), file.totals().debits());
      assertEquals(new KindTotal(1, Rials.of(30_000)), file.totals().reversals());
      assertEquals(Rials.of(50_000), file.totals().net());
      assertEquals(cutOver, file.header().cutOver());
      List<BusinessDayEntry> ours =
          journal.all().stream()
              .map(e -> new BusinessDayEntry(e, link.terminalId(), today))
              .toList();
      ReconciliationResult result =
          new Reconciler(TEHRAN).reconcile(today, link.terminalId(), ours, file.records());
      assertEquals(new KindTotal(1, Rials.of(50_000)), result.total(DifferenceKind.MATCHED));
      assertTrue(result.isClean(), () -> "items: " + result.items());
      assertEquals(
          0,
          new SettlementFileParser(1_000_000)
              .parse(simulator.settlementFile(today.minusDays(1), link.terminalId()), null, null)
              .records()
              .size());
    }
  }

  private static void send(
      SwitchSimulator simulator,
      JposBankSwitch bank,
      SwitchCredentials credentials,
      InMemoryJournal journal) {
    InMemoryAdviceQueue queue = new InMemoryAdviceQueue();
    AtomicReference<JournalledSwitch> acknowledged = new AtomicReference<>();
    LinkFixture.CountingIds ids = new LinkFixture.CountingIds(31_000);
    try (StoreAndForward saf =
        new StoreAndForward(
            queue, bank, credentials.storageKey(), id -> acknowledged.get().acknowledged(id))) {
      JournalledSwitch journalled = new JournalledSwitch(bank, journal, ids, saf);
      acknowledged.set(journalled);
      saf.start();
      assertInstanceOf(
          SwitchOutcome.Approved.class,
          UnlimitedMoney.send(journalled, "call-1", i -> transfer(bank, i, 50_000)));
      simulator.fault("drop-next 1");
      assertEquals(
          new SwitchOutcome.TimedOut(),
          UnlimitedMoney.send(journalled, "call-2", i -> transfer(bank, i, 30_000)));
      eventually(
          Duration.ofSeconds(20),
          "the reversal acknowledged",
          () -> journal.all().get(1).state() == EntryState.REVERSED);
    }
  }

  private static Transfer transfer(JposBankSwitch bank, TransactionIds ids, long rials) {
    return new Transfer(
        ids,
        REZA,
        sealed(bank, REZA, "2580"),
        new TransferDestination.ToCard(NARGES),
        Rials.of(rials));
  }
}
