// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.phonebank.banking.Stan;
import org.phonebank.banking.Transfer;
import org.phonebank.banking.TransferDestination;
import org.phonebank.card.CardNumber;
import org.phonebank.journal.EntryState;
import org.phonebank.journal.JournalEntry;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.TransactionType;
import org.phonebank.money.Rials;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;
import org.phonebank.testing.InMemoryAdviceQueue;
import org.phonebank.testing.InMemoryJournal;
import org.phonebank.testing.UnlimitedMoney;

/**
 * The money test: a steady load of card-to-card transfers through {@link JournalledSwitch}
 * (in-memory journal, real {@link StoreAndForward} over an in-memory advice queue) and the real
 * bridge over mutual TLS, while the link is cut and restored and answers are dropped, delayed,
 * corrupted or garbled at random. Once store-and-forward has drained, every journal entry must be
 * final and every account's movement in the simulator's ledger must equal the journal's approved
 * transfers, to the rial.
 *
 * <p>Run large: {@code java -cp <test classpath> org.phonebank.switchsim.MoneyUnderFire <transfers>
 * [threads] [seed]}; the JUnit test runs it small (system property {@value #SIZE_PROPERTY}, default
 * 200).
 */
public final class MoneyUnderFire {

  public static final String SIZE_PROPERTY = "phonebank.moneytest.transfers";

  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
  private static final Map<CardNumber, String> CARDS =
      Map.of(
          new CardNumber("6104337654321098"), "2580",
          new CardNumber("6219861112223333"), "4826",
          new CardNumber("6037997654321091"), "7391",
          new CardNumber("6037991234567893"), "7391",
          new CardNumber("5892104567890124"), "1357");
  private static final List<String> FAULTS =
      List.of(
          "drop-next 1",
          "disconnect-next 1",
          "bad-mac-next 1",
          "garbage-next 1",
          "answer-91-next 1",
          "delay 700",
          "delay 0");

  /**
   * What happened: entries by state, and the first difference between ledger and journal (null if
   * none).
   */
  public record Result(
      Map<EntryState, Integer> states, int linkCuts, String difference, Duration elapsed) {}

  private record Move(CardNumber from, CardNumber to, long amount) {}

  private MoneyUnderFire() {}

  public static void main(String[] args) throws Exception {
    int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
    Duration pause = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 0);
    Path folder = Files.createTempDirectory("money-under-fire");
    Result result = run(folder, transfers, threads, seed, pause);
    System.out.println(
        "transfers " + transfers + ", threads " + threads + ", seed " + seed + ": " + result);
    System.exit(result.difference() == null ? 0 : 1);
  }

  /**
   * Runs the load in {@code credentialsFolder} (demo credentials are created there); each caller
   * thread pauses up to {@code pause} (uniformly) before each transfer, so a small run still spans
   * several link cuts.
   */
  public static Result run(
      Path credentialsFolder, int transfers, int threads, long seed, Duration pause)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    Random random = new Random(seed);
    try (SwitchSimulator simulator =
        SwitchSimulator.start(
            SimulatorSettings.defaults().withCredentials(credentialsFolder).withPort(0))) {
      SwitchCredentials credentials = SwitchCredentials.load(credentialsFolder);
      SwitchSettings settings =
          SwitchSettings.defaults()
              .withEndpoint("127.0.0.1", simulator.port())
              .withResponseTimeout(Duration.ofMillis(500))
              .withReconnectDelays(Duration.ofMillis(50), Duration.ofMillis(200))
              .withEchoInterval(Duration.ofSeconds(2))
              .withSafRetryInterval(Duration.ofMillis(100));
      Map<CardNumber, Rials> before = new HashMap<>();
      CARDS.keySet().forEach(card -> before.put(card, simulator.ledger().balance(card)));

      InMemoryJournal journal = new InMemoryJournal();
      InMemoryAdviceQueue queue = new InMemoryAdviceQueue();
      Map<Stan, Move> moves = new ConcurrentHashMap<>();
      AtomicInteger cuts = new AtomicInteger();
      try (JposBankSwitch bank = new JposBankSwitch(settings, credentials)) {
        bank.start();
        bank.awaitReady(Duration.ofSeconds(10));
        AtomicReference<JournalledSwitch> acknowledgement = new AtomicReference<>();
        try (StoreAndForward saf =
            new StoreAndForward(
                queue,
                bank,
                credentials.storageKey(),
                id -> acknowledgement.get().acknowledged(id))) {
          JournalledSwitch journalled =
              new JournalledSwitch(bank, journal, new LinkFixture.CountingIds(1), saf);
          acknowledgement.set(journalled);
          saf.start();

          AtomicBoolean loading = new AtomicBoolean(true);
          Thread chaos =
              new Thread(
                  () -> chaos(simulator, new Random(random.nextLong()), loading, cuts),
                  "money-under-fire-chaos");
          chaos.start();
          ExecutorService callers = Executors.newFixedThreadPool(threads);
          List<CardNumber> cards = new ArrayList<>(CARDS.keySet());
          cards.sort((a, b) -> a.digits().compareTo(b.digits()));
          for (int i = 0; i < transfers; i++) {
            CardNumber from = cards.get(random.nextInt(cards.size()));
            CardNumber to = cards.get(random.nextInt(cards.size()));
            if (to.equals(from)) {
              to = cards.get((cards.indexOf(from) + 1) % cards.size());
            }
            CardNumber source = from;
            CardNumber destination = to;
            long amount = 1_000L * (1 + random.nextInt(50));
            long pauseMillis = pause.isZero() ? 0 : random.nextInt((int) pause.toMillis());
            callers.execute(
                () ->
                    UnlimitedMoney.send(
                        journalled,
                        "call",
                        ids -> {
                          pauseQuietly(pauseMillis);
                          moves.put(ids.stan(), new Move(source, destination, amount));
                          return new Transfer(
                              ids,
                              source,
                              LinkFixture.sealed(bank, source, CARDS.get(source)),
                              new TransferDestination.ToCard(destination),
                              Rials.of(amount));
                        }));
          }
          callers.shutdown();
          callers.awaitTermination(10, TimeUnit.MINUTES);
          loading.set(false);
          chaos.join();
          simulator.fault("clear");
          simulator.setResponseDelay(Duration.ZERO);

          long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
          while ((!journal.unfinished().isEmpty() || simulator.heldAnswers() > 0)
              && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
        }
      }
      return new Result(
          states(journal),
          cuts.get(),
          difference(journal, moves, before, simulator.ledger()),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static void pauseQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Cuts the link every third turn and scripts a random fault otherwise; leaves every fault
   * cleared.
   */
  private static void chaos(
      SwitchSimulator simulator, Random random, AtomicBoolean loading, AtomicInteger cuts) {
    try {
      for (int turn = 1; loading.get(); turn++) {
        Thread.sleep(150 + random.nextInt(300));
        if (turn % 3 == 0) {
          simulator.disconnectAll();
          cuts.incrementAndGet();
        } else {
          simulator.fault(FAULTS.get(random.nextInt(FAULTS.size())));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      simulator.fault("clear");
    }
  }

  private static Map<EntryState, Integer> states(InMemoryJournal journal) {
    Map<EntryState, Integer> counts = new EnumMap<>(EntryState.class);
    journal.all().forEach(e -> counts.merge(e.state(), 1, Integer::sum));
    return counts;
  }

  /** Null when every entry is final and the ledger moved exactly as the approved transfers say. */
  private static String difference(
      InMemoryJournal journal,
      Map<Stan, Move> moves,
      Map<CardNumber, Rials> before,
      Ledger ledger) {
    Map<CardNumber, Long> expected = new HashMap<>();
    for (JournalEntry entry : journal.all()) {
      if (entry.state() == EntryState.PENDING
          || entry.state() == EntryState.REVERSING
          || entry.state() == EntryState.TIMED_OUT) {
        return "entry " + entry.id() + " left " + entry.state();
      }
      if (entry.type() == TransactionType.TRANSFER && entry.state() == EntryState.APPROVED) {
        Move move = moves.get(entry.ids().stan());
        expected.merge(move.from(), -move.amount(), Long::sum);
        expected.merge(move.to(), move.amount(), Long::sum);
      }
    }
    for (Map.Entry<CardNumber, Rials> start : before.entrySet()) {
      long moved = ledger.balance(start.getKey()).value() - start.getValue().value();
      long journalled = expected.getOrDefault(start.getKey(), 0L);
      if (moved != journalled) {
        return "card "
            + start.getKey()
            + " moved "
            + moved
            + " in the ledger but "
            + journalled
            + " in the journal";
      }
    }
    return null;
  }
}
