// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.banking.Rrn;
import org.phonebank.banking.Stan;
import org.phonebank.banking.TransactionIds;
import org.phonebank.call.CallServices;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.PathLog;
import org.phonebank.call.Session;
import org.phonebank.call.esl.EslServer;
import org.phonebank.call.esl.EslSettings;
import org.phonebank.escalation.EntryStatus;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.Figures;
import org.phonebank.escalation.InMemoryEscalationStore;
import org.phonebank.escalation.OfficerState;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.escalation.QueuedCall;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.menu.Officer;
import org.phonebank.prompt.Language;
import org.phonebank.testing.InMemoryCallPaths;
import org.phonebank.testing.InMemoryCardLockouts;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.InMemoryReversals;
import org.phonebank.testing.MaskingPinSealer;

/**
 * A caller in the officers' queues over the phone bank's real Event Socket server and the
 * simulator's FreeSWITCH: the hold as FreeSWITCH is asked to play it (each stretch one {@code
 * play_and_get_digits} whose files end with the generated hold music), and an officer's phone
 * hanging up mid-call.
 */
class OfficerQueueCallTest {

  private static final String SECRET = PhoneSimulatorCallTest.SECRET;

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private EslServer server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  private final InMemoryEscalationStore store = new InMemoryEscalationStore();
  private final Escalations queues =
      new Escalations(
          EscalationSettings.from(
              key ->
                  Optional.ofNullable(
                      Map.of(
                              "phonebank.escalation.officers", "a1",
                              "phonebank.escalation.poll-interval-seconds", "1")
                          .get(key))),
          store,
          Clock.systemUTC(),
          "node-1");
  private final EslSettings esl = TestEsl.settings(SECRET);

  /** The phone bank's Event Socket server, every call straight into the general queue. */
  private int start() {
    queues.start();
    JournalledSwitch bank =
        new JournalledSwitch(
            request -> {
              throw new AssertionError("no switch request in the queue");
            },
            new InMemoryJournal(),
            () -> new TransactionIds(new Stan(1), new Rrn("632700000001"), Instant.now()),
            new InMemoryReversals());
    CallServices services =
        new CallServices(
            bank,
            new MaskingPinSealer(),
            new InMemoryCardLockouts(),
            new InMemoryCallPaths(),
            Clock.systemUTC(),
            queues);
    server =
        new EslServer(
            phone -> {
              phone.answer();
              Session session =
                  new Session(phone, Language.ENGLISH, new PathLog("call-q", Instant.now()));
              new Officer(IvrSettings.defaults(), services)
                  .escalate(session, EscalationReason.ASKED);
            },
            flows,
            esl);
    return server.start();
  }

  @Test
  void theHoldMusicIsPlayedFromThePromptFolderBetweenThePositionAnnouncements()
      throws InterruptedException {
    int port = start();

    // One stretch times out with no key, the caller hangs up in the second.
    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET, CallScript.parse("- H"), Duration.ofSeconds(30));

    String music = esl.promptDirectory() + "/en/hold-music." + esl.audioExtension();
    List<String> stretches =
        transcript.applications().stream()
            .filter(app -> app.startsWith("play_and_get_digits "))
            .toList();
    assertEquals(2, stretches.size(), transcript.applications().toString());
    // The first announces the position and the estimate, then the music; the next is music alone.
    assertTrue(stretches.get(0).contains("/en/queue-position."), stretches.get(0));
    assertTrue(stretches.get(0).contains("!" + music + " "), stretches.get(0));
    assertTrue(stretches.get(1).contains(" " + music + " "), stretches.get(1));
    assertTrue(!stretches.get(1).contains("queue-position"), stretches.get(1));
    // The phone bank learns of the hang-up just after the simulator's caller is gone.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.entry(1).orElseThrow().status() != EntryStatus.ENDED
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(EntryStatus.ENDED, store.entry(1).orElseThrow().status(), "ended as abandoned");
  }

  @Test
  void anOfficerWhoHangsUpMidCallLeavesTheQueueConsistent() {
    int port = start();
    queues.setStatus("a1", OfficerStatus.READY);

    // The officer answers at once, talks a second and hangs up; the caller is still on the line.
    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1",
            port,
            SECRET,
            CallScript.parse(""),
            Duration.ofSeconds(30),
            new OfficerPhones().parse("user/a1=answer:0:1"));

    assertTrue(transcript.spokenTexts().contains("[officer hung up]"), transcript.toString());
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.toString());
    QueuedCall entry = store.entry(1).orElseThrow();
    assertEquals(EntryStatus.ENDED, entry.status());
    OfficerState a1 = queues.officer("a1").orElseThrow();
    assertEquals(OfficerStatus.READY, a1.status(), "free for the next caller");
    assertEquals(0, a1.entryId());
    assertEquals(List.of(), store.overdue(Instant.now().plusSeconds(3600)), "nothing rings");
    Figures.Period today = new Figures.Period(Instant.now().minusSeconds(600), Instant.now());
    assertEquals(1, queues.queueFigures(today).get(0).answered());
    assertEquals(1, queues.officerFigures(today).get(0).answered());
  }
}
