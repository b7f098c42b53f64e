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
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.banking.SwitchOutcome;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.money.Rials;
import org.phonebank.saf.QueuedAdvice;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;
import org.phonebank.testing.InMemoryAdviceQueue;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.UnlimitedMoney;

/**
 * Reversals through the journal, store-and-forward and the real link, against the simulator's
 * ledger.
 */
class StoreAndForwardTest {

  private static final CardNumber REZA = new CardNumber("6104337654321098");
  private static final CardNumber NARGES = new CardNumber("6219861112223333");
  private static final LinkFixture.CountingIds IDS = new LinkFixture.CountingIds(20_000);

  @TempDir static Path folder;
  static SwitchSimulator simulator;
  static SwitchCredentials credentials;

  JposBankSwitch bank;
  InMemoryJournal journal;
  InMemoryAdviceQueue queue;
  StoreAndForward saf;
  JournalledSwitch journalled;

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

  @BeforeEach
  void wire() {
    bank = connected(settings(simulator).withResponseTimeout(Duration.ofMillis(700)), credentials);
    journal = new InMemoryJournal();
    queue = new InMemoryAdviceQueue();
    AtomicReference<JournalledSwitch> acknowledged = new AtomicReference<>();
    saf =
        new StoreAndForward(
            queue, bank, credentials.storageKey(), id -> acknowledged.get().acknowledged(id));
    journalled = new JournalledSwitch(bank, journal, IDS, saf);
    acknowledged.set(journalled);
    saf.start();
  }

  private final java.util.List<JposBankSwitch> extraLinks = new java.util.ArrayList<>();

  @AfterEach
  void unwire() {
    saf.close();
    extraLinks.forEach(JposBankSwitch::close);
    bank.close();
    simulator.fault("clear");
    simulator.setResponseDelay(REZA, Duration.ZERO);
  }

  @Test
  void droppedAnswerIsReversedRepeatedAs0421AndTheMoneyComesBackOnce() {
    Rials before = simulator.ledger().balance(REZA);
    int repeats = simulator.repeatedAdvices();
    // The first drop hits the 0210, the second the 0430 of the first 0420.
    simulator.fault("drop-next 2");

    SwitchOutcome outcome = UnlimitedMoney.send(journalled, "call-1", ids -> transfer(ids, 40_000));

    assertEquals(new SwitchOutcome.TimedOut(), outcome);
    JournalEntry entry = journal.all().get(0);
    eventually(
        Duration.ofSeconds(20),
        "the reversal acknowledged",
        () -> journal.all().get(0).state() == EntryState.REVERSED);
    assertEquals(before, simulator.ledger().balance(REZA));
    assertTrue(simulator.repeatedAdvices() > repeats);
    assertEquals("00", queue.acknowledgedCodes().get(entry.id()));
  }

  @Test
  void retryCodeOnTheReversalIsNotAnAcknowledgement() {
    Rials before = simulator.ledger().balance(REZA);
    simulator.fault("drop-next 1");
    UnlimitedMoney.send(journalled, "call-2", ids -> transfer(ids, 30_000));
    simulator.fault("answer-91-next 2");

    eventually(
        Duration.ofSeconds(20),
        "the reversal acknowledged",
        () -> journal.all().get(0).state() == EntryState.REVERSED);
    assertEquals("00", queue.acknowledgedCodes().get(journal.all().get(0).id()));
    assertEquals(before, simulator.ledger().balance(REZA));
  }

  @Test
  void lateApprovalAfterTheReversalWasFiredIsIgnored() {
    Rials before = simulator.ledger().balance(REZA);
    simulator.setResponseDelay(REZA, Duration.ofMillis(1500));

    assertEquals(
        new SwitchOutcome.TimedOut(),
        UnlimitedMoney.send(journalled, "call-3", ids -> transfer(ids, 20_000)));

    eventually(
        Duration.ofSeconds(20),
        "reversal acknowledged and the late 0210 delivered",
        () -> journal.all().get(0).state() == EntryState.REVERSED && simulator.heldAnswers() == 0);
    assertEquals(before, simulator.ledger().balance(REZA));
    assertEquals(EntryState.REVERSED, journal.all().get(0).state());
  }

  @Test
  void definiteAnswerDisarmsTheReversal() {
    Rials before = simulator.ledger().balance(REZA);

    assertInstanceOf(
        SwitchOutcome.Approved.class,
        UnlimitedMoney.send(journalled, "call-4", ids -> transfer(ids, 10_000)));

    assertEquals(EntryState.APPROVED, journal.all().get(0).state());
    assertTrue(queue.armed().isEmpty());
    assertTrue(queue.released(10).isEmpty());
    assertEquals(before.minus(Rials.of(10_000)), simulator.ledger().balance(REZA));
  }

  @Test
  void advicesReleasedBeforeARestartAreSentAfterIt() {
    saf.close();
    Rials before = simulator.ledger().balance(REZA);
    Transfer posted = transfer(IDS.next(), 15_000);
    assertInstanceOf(SwitchOutcome.Approved.class, bank.send(posted));
    StoreAndForward beforeRestart =
        new StoreAndForward(queue, bank, credentials.storageKey(), id -> {});
    beforeRestart.arm(77, posted);
    beforeRestart.fire(77);
    beforeRestart.close();

    AtomicReference<Long> told = new AtomicReference<>();
    try (StoreAndForward afterRestart =
        new StoreAndForward(queue, bank, credentials.storageKey(), told::set)) {
      afterRestart.start();
      eventually(
          Duration.ofSeconds(20),
          "the stored reversal sent",
          () -> Long.valueOf(77).equals(told.get()));
    }
    assertEquals(before, simulator.ledger().balance(REZA));
  }

  @Test
  void storedAdviceIsSealedSoTheCardNumberIsNotReadable() {
    InMemoryAdviceQueue store = new InMemoryAdviceQueue();
    try (StoreAndForward unstarted =
        new StoreAndForward(store, bank, credentials.storageKey(), id -> {})) {
      Transfer request = transfer(IDS.next(), 5_000);
      unstarted.arm(91, request);
      unstarted.fire(91);

      QueuedAdvice stored = store.released(1).get(0);
      assertEquals("0420", stored.mti());
      assertEquals(request.ids().stan(), stored.stan());
      // The packed 0420 holds the PAN in BCD, so its hex shows the digits; the sealed form must
      // not.
      assertTrue(HexFormat.of().formatHex(bank.reversalAdvice(request)).contains(REZA.digits()));
      assertFalse(HexFormat.of().formatHex(stored.sealedMessage()).contains(REZA.digits()));
    }
  }

  @Test
  void anAdviceThatCannotBeOpenedIsSetAsideAndTheOnesBehindItStillGo() {
    Rials before = simulator.ledger().balance(REZA);
    // A stored advice whose sealed bytes were damaged: it can never be sent.
    JournalEntry damaged =
        journal.open(
            "call-5",
            org.phonebank.journal.TransactionType.TRANSFER,
            IDS.next(),
            REZA,
            Rials.of(1_000));
    journal.reversing(damaged.id());
    queue.arm(
        new QueuedAdvice(
            damaged.id(),
            "0420",
            damaged.ids().stan(),
            damaged.ids().rrn(),
            new byte[64],
            0,
            java.time.Instant.now()));
    queue.release(damaged.id());
    simulator.fault("drop-next 1");

    UnlimitedMoney.send(journalled, "call-6", ids -> transfer(ids, 25_000));

    long behind = damaged.id() + 1;
    eventually(
        Duration.ofSeconds(20),
        "the reversal behind the damaged advice acknowledged",
        () -> journal.find(behind).orElseThrow().state() == EntryState.REVERSED);
    assertEquals(before, simulator.ledger().balance(REZA));
    assertEquals(damaged.id(), saf.deadLetters(10).get(0).journalEntryId());
    assertEquals("sealed message cannot be opened", saf.deadLetters(10).get(0).reason());
    assertEquals(EntryState.REVERSING, journal.find(damaged.id()).orElseThrow().state());

    assertTrue(saf.close(damaged.id(), "reversed by the switch desk, ticket 4711"));

    assertEquals(EntryState.REVERSED, journal.find(damaged.id()).orElseThrow().state());
    assertTrue(saf.deadLetters(10).isEmpty());
  }

  @Test
  void aReversalRefusedPastItsAttemptsWaitsForAnOperatorWhoseRetrySettlesIt() {
    saf.close();
    AtomicReference<JournalledSwitch> acknowledged = new AtomicReference<>();
    saf =
        new StoreAndForward(
            queue,
            connectedWithFewAttempts(),
            credentials.storageKey(),
            id -> acknowledged.get().acknowledged(id));
    journalled = new JournalledSwitch(bank, journal, IDS, saf);
    acknowledged.set(journalled);
    Rials before = simulator.ledger().balance(REZA);
    simulator.fault("drop-next 1");
    UnlimitedMoney.send(journalled, "call-7", ids -> transfer(ids, 35_000));
    // The 0200 posted unanswered; now refuse the reversal more often than allowed, and only then
    // start the sender.
    simulator.fault("answer-91-next 50");
    saf.start();

    eventually(
        Duration.ofSeconds(20), "the reversal set aside", () -> !saf.deadLetters(1).isEmpty());
    long entry = journal.all().get(0).id();
    assertEquals(EntryState.REVERSING, journal.all().get(0).state());
    assertEquals(before.minus(Rials.of(35_000)), simulator.ledger().balance(REZA));
    assertTrue(saf.deadLetters(1).get(0).reason().startsWith("not acknowledged after 3 sends"));
    simulator.fault("clear");

    assertTrue(saf.retry(entry));

    eventually(
        Duration.ofSeconds(20),
        "the retried reversal acknowledged",
        () -> journal.all().get(0).state() == EntryState.REVERSED);
    assertEquals(before, simulator.ledger().balance(REZA));
  }

  /** A second bridge whose store-and-forward gives up after three refused sends. */
  private JposBankSwitch connectedWithFewAttempts() {
    JposBankSwitch few =
        connected(settings(simulator).withSafDeadLetter(3, Duration.ofHours(1)), credentials);
    extraLinks.add(few);
    return few;
  }

  private Transfer transfer(org.phonebank.banking.TransactionIds ids, long rials) {
    return new Transfer(
        ids,
        REZA,
        sealed(bank, REZA, "2580"),
        new TransferDestination.ToCard(NARGES),
        Rials.of(rials));
  }
}
