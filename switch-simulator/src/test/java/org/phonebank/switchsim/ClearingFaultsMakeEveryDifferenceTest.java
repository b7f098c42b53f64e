// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.phonebank.switchsim.LinkFixture.connected;
import static org.phonebank.switchsim.LinkFixture.eventually;
import static org.phonebank.switchsim.LinkFixture.sealed;
import static org.phonebank.switchsim.LinkFixture.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.BusinessDayEntry;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationResult;
import org.phonebank.settlement.file.SettlementFile;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.file.SettlementFileRejected;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;
import org.phonebank.testing.InMemoryAdviceQueue;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.UnlimitedMoney;

/**
 * Each clearing fault of the simulator, over the real link, then its settlement file reconciled
 * against the journal the bridge wrote (business dates from field 15 of the answers): every
 * difference kind comes out, each from the fault docs/settlement-file.md names for it.
 */
class ClearingFaultsMakeEveryDifferenceTest {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final CardNumber REZA = new CardNumber("6104337654321098");
  private static final CardNumber NARGES = new CardNumber("6219861112223333");

  @TempDir Path folder;

  @Test
  void everyClearingFaultMakesTheDifferenceItIsMeantToAndTheHeldReversalGoesThroughAfter()
      throws Exception {
    try (SwitchSimulator simulator = LinkFixture.steadyBusinessDate(folder)) {
      SwitchCredentials credentials = SwitchCredentials.load(folder);
      SwitchSettings link =
          settings(simulator)
              .withResponseTimeout(Duration.ofMillis(700))
              .withSafRetryInterval(Duration.ofMillis(300));
      InMemoryJournal journal = new InMemoryJournal();
      Map<Long, LocalDate> fieldFifteen = new HashMap<>();
      LocalDate today = simulator.businessDate();
      try (JposBankSwitch bank = connected(link, credentials)) {
        InMemoryAdviceQueue queue = new InMemoryAdviceQueue();
        AtomicReference<JournalledSwitch> acknowledged = new AtomicReference<>();
        try (StoreAndForward saf =
            new StoreAndForward(
                queue, bank, credentials.storageKey(), id -> acknowledged.get().acknowledged(id))) {
          JournalledSwitch journalled =
              new JournalledSwitch(bank, journal, new LinkFixture.CountingIds(41_000), saf);
          acknowledged.set(journalled);
          saf.start();
          Sender sender = new Sender(simulator, bank, journalled, journal, fieldFifteen);

          sender.approved("", 10_000);
          sender.approved("settle-amount-next 1", 11_000);
          sender.approved("settle-class-next 1", 12_000);
          sender.approved("unsettled-next 1", 13_000);
          sender.approved("phantom-next 1", 14_000);
          sender.approved("settle-twice-next 1", 15_000);
          sender.approved("previous-date-next 1", 16_000);
          simulator.fault("settle-declined-next 1");
          assertEquals(
              "91",
              assertInstanceOf(SwitchOutcome.Declined.class, sender.send(17_000)).responseCode());
          sender.reversed("keep-settled-next 1", 18_000);
          sender.reversed("orphan-reversal-next 1", 19_000);
          sender.reversed("", 20_000);
          simulator.fault("hold-reversals on");
          simulator.fault("drop-movement-next 1");
          assertEquals(new SwitchOutcome.TimedOut(), sender.send(21_000));
          Thread.sleep(1_500);
          assertEquals(EntryState.REVERSING, sender.last().state(), "held in store-and-forward");

          Map<DifferenceKind, Long> counts =
              reconcile(simulator, link.terminalId(), today, journal, fieldFifteen).stream()
                  .collect(
                      () -> new EnumMap<>(DifferenceKind.class),
                      (map, kind) -> map.merge(kind, 1L, Long::sum),
                      Map::putAll);
          Map<DifferenceKind, Long> expected = new EnumMap<>(DifferenceKind.class);
          for (DifferenceKind kind : DifferenceKind.values()) {
            expected.put(kind, 1L);
          }
          // The plain one, the phantom's and the duplicate's own items.
          expected.put(DifferenceKind.MATCHED, 3L);
          assertEquals(expected, counts);

          simulator.fault("hold-reversals off");
          eventually(
              Duration.ofSeconds(20),
              "the held reversal acknowledged once released",
              () -> journal.find(sender.last().id()).orElseThrow().state() == EntryState.REVERSED);
        }
      }
    }
  }

  @Test
  void anUnknownClearingFaultIsRefusedWithTheListOfFaults() {
    FaultPlan plan = new FaultPlan();
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> plan.apply("settle-sideways-next 1"));
    assertEquals(true, refused.getMessage().contains("orphan-reversal-next"));
    plan.apply("hold-reversals on");
    plan.apply("settle-twice-next 2");
    assertEquals("delay 0 ms, twice x2, holding reversals", plan.describe());
    plan.apply("clear");
    assertEquals(false, plan.clearing().holdReversals());
  }

  private static List<DifferenceKind> reconcile(
      SwitchSimulator simulator,
      String terminal,
      LocalDate today,
      InMemoryJournal journal,
      Map<Long, LocalDate> fieldFifteen)
      throws SettlementFileRejected {
    SettlementFile file =
        new SettlementFileParser(1_000_000)
            .parse(simulator.settlementFile(today, terminal), today, terminal);
    List<BusinessDayEntry> ours = new ArrayList<>();
    for (JournalEntry entry : journal.all()) {
      ours.add(new BusinessDayEntry(entry, terminal, fieldFifteen.getOrDefault(entry.id(), today)));
    }
    ReconciliationResult result =
        new Reconciler(TEHRAN).reconcile(today, terminal, ours, file.records());
    return result.items().stream().map(item -> item.kind()).toList();
  }

  /** Sends transfers from Reza to Narges and keeps the business date each answer gave. */
  private record Sender(
      SwitchSimulator simulator,
      JposBankSwitch bank,
      JournalledSwitch journalled,
      InMemoryJournal journal,
      Map<Long, LocalDate> fieldFifteen) {

    SwitchOutcome send(long rials) {
      String callId = "call-" + rials;
      SwitchOutcome outcome =
          UnlimitedMoney.send(
              journalled,
              callId,
              ids ->
                  new Transfer(
                      ids,
                      REZA,
                      sealed(bank, REZA, "2580"),
                      new TransferDestination.ToCard(NARGES),
                      Rials.of(rials)));
      LocalDate date =
          outcome instanceof SwitchOutcome.Approved a
              ? a.settlementDate()
              : outcome instanceof SwitchOutcome.Declined d ? d.settlementDate() : null;
      if (date != null) {
        fieldFifteen.put(last().id(), date);
      }
      return outcome;
    }

    void approved(String fault, long rials) {
      if (!fault.isEmpty()) {
        simulator.fault(fault);
      }
      assertInstanceOf(SwitchOutcome.Approved.class, send(rials));
    }

    /** A transfer whose answer is dropped, so the bridge times out and reverses it. */
    void reversed(String reversalFault, long rials) {
      if (!reversalFault.isEmpty()) {
        simulator.fault(reversalFault);
      }
      simulator.fault("drop-movement-next 1");
      assertEquals(new SwitchOutcome.TimedOut(), send(rials));
      long id = last().id();
      eventually(
          Duration.ofSeconds(20),
          "the reversal acknowledged",
          () -> journal.find(id).orElseThrow().state() == EntryState.REVERSED);
    }

    JournalEntry last() {
      List<JournalEntry> all = journal.all();
      return all.get(all.size() - 1);
    }
  }
}
