// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.call.CallFlow;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.Phone;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.esl.EslServer;
import org.phonebank.phonesim.CallScript;
import org.phonebank.phonesim.TestEsl;
import org.phonebank.phonesim.load.StepLatencies.StepSummary;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

/**
 * The load driver against the phone bank's own Event Socket server with small flows: it must count
 * calls, endings and reaction times correctly. Its speed is measured by the benchmark, not here.
 */
class CallLoadTest {

  /** The phone bank's Event Socket peer secret in these tests; the simulator sets it. */
  static final String SECRET = "phone-simulator-test-secret";

  private static final Duration SWITCH_STAND_IN = Duration.ofMillis(30);
  private static final Prompt MENU = Prompt.of(Language.ENGLISH, "for-english-press-2");
  private static final Prompt PIN = Prompt.of(Language.ENGLISH, "enter-pin");
  private static final Prompt GOODBYE = Prompt.of(Language.ENGLISH, "goodbye");

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private final List<EslServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    servers.forEach(EslServer::stop);
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  private int start(CallFlow flow) {
    EslServer server = new EslServer(flow, flows, TestEsl.settings(SECRET));
    servers.add(server);
    return server.start();
  }

  /** A menu key, then a PIN that "goes to the switch" (a pause) before the next prompt. */
  private static void menuThenPin(Phone phone) {
    phone.answer();
    phone.collect(new DigitCollection(MENU, 1, 1, Duration.ofSeconds(5)));
    try (SecretEntry pin =
        phone.collectSecret(new DigitCollection(PIN, 4, 4, Duration.ofSeconds(5)))) {
      pin.keys();
    }
    sleep(SWITCH_STAND_IN);
    phone.play(GOODBYE);
    phone.hangUp();
  }

  private static LoadPlan plan(int port, int concurrent, String keys, long serverPid) {
    return new LoadPlan(
        "127.0.0.1",
        port,
        concurrent,
        100,
        Duration.ofMillis(400),
        Duration.ZERO,
        List.of(CallScript.parse(keys)),
        Duration.ZERO,
        Duration.ofSeconds(30),
        Duration.ZERO,
        0,
        "main-menu",
        serverPid,
        1);
  }

  @Test
  void everyCallIsCountedAndEveryKeyedStepTimed() throws InterruptedException {
    int port = start(CallLoadTest::menuThenPin);

    LoadResult result =
        new LoadRun(plan(port, 1000, "2 7391", 0), SECRET, pid -> 0, pid -> 0).run();

    assertTrue(result.placed() > 0);
    assertEquals(0, result.errors(), result.errorSamples().toString());
    assertEquals(result.placed(), result.bankHungUp());
    assertEquals(2, result.steps().size());
    StepSummary menu = result.steps().get(0);
    StepSummary pin = result.steps().get(1);
    assertEquals(1, menu.step());
    // The phone bank keeps sensitive_dtmf up for the whole call: the menu key is keyed as a secret.
    assertTrue(menu.secret());
    assertEquals(2, pin.step());
    assertTrue(pin.secret());
    for (StepSummary step : result.steps()) {
      assertEquals(result.placed(), step.toCommand().count());
      assertEquals(result.placed(), step.toPrompt().count());
    }
    // The PIN's next command (unset) comes before the pause; its next prompt only after it.
    assertTrue(pin.toPrompt().percentile(0) >= SWITCH_STAND_IN.toNanos());
    assertTrue(pin.toPrompt().percentile(50) >= pin.toCommand().percentile(50));
  }

  @Test
  void callsPlacedDuringTheWarmUpAreCountedButNotTimed() throws InterruptedException {
    int port = start(CallLoadTest::menuThenPin);
    LoadPlan plan =
        LoadOptions.parse(
            new String[] {
              "--port",
              Integer.toString(port),
              "--rate",
              "20",
              "--duration-seconds",
              "2",
              "--warm-up-seconds",
              "1",
              "--keys",
              "2 7391"
            });

    LoadResult result = new LoadRun(plan, SECRET, pid -> 0, pid -> 0).run();

    int timed = result.steps().get(0).toCommand().count();
    assertEquals(result.placed(), result.bankHungUp());
    assertTrue(timed > 0 && timed < result.placed(), timed + " of " + result.placed());
  }

  @Test
  void callsHeldAreCappedAndTheServerHeapIsReadWhileTheCapIsHeld() throws InterruptedException {
    int cap = 5;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger readings = new AtomicInteger();
    int port =
        start(
            phone -> {
              phone.answer();
              await(release);
              menuThenPin(phone);
            });
    long baseline = 50_000_000;

    LoadResult result =
        new LoadRun(
                plan(port, cap, "2 7391", 4242),
                SECRET,
                pid -> {
                  assertEquals(4242, pid);
                  if (readings.getAndIncrement() == 0) {
                    return baseline;
                  }
                  release.countDown();
                  return baseline + cap * 4096L;
                },
                pid -> readings.get() < 2 ? 100_000_000 : 100_000_000 + cap * 65_536L)
            .run();

    assertEquals(cap, result.peakHeld());
    assertEquals(2, readings.get());
    LoadResult.HeapPerCall heap = result.memory().orElseThrow();
    assertEquals(cap, heap.held());
    assertEquals(4096, heap.bytesPerCall());
    assertEquals(65_536, heap.residentBytesPerCall());
    assertEquals(0, result.errors(), result.errorSamples().toString());
    assertEquals(result.placed(), result.completed());
  }

  @Test
  void callerHangUpsAndRefusedConnectionsAreCountedApart()
      throws InterruptedException, IOException {
    int port = start(CallLoadTest::menuThenPin);
    LoadResult hangUps = new LoadRun(plan(port, 1000, "2 H", 0), SECRET, pid -> 0, pid -> 0).run();
    assertTrue(hangUps.placed() > 0);
    assertEquals(hangUps.placed(), hangUps.callerHungUp());
    assertEquals(0, hangUps.bankHungUp() + hangUps.errors());

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    LoadResult refused =
        new LoadRun(plan(closed, 1000, "2 7391", 0), SECRET, pid -> 0, pid -> 0).run();
    assertTrue(refused.placed() > 0);
    assertEquals(refused.placed(), refused.errors());
    assertEquals(0, refused.completed());
    assertTrue(refused.errorSamples().get(0).startsWith("cannot connect"));
  }

  @Test
  void commandLinePrintsAMarkdownReportWithoutTheKeys(@TempDir Path state)
      throws InterruptedException, IOException {
    int port = start(CallLoadTest::menuThenPin);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path secretFile = Files.writeString(state.resolve("esl-peer-secret"), SECRET);

    int exit =
        CallLoad.run(
            new String[] {
              "--esl",
              "127.0.0.1:" + port,
              "--rate",
              "20",
              "--duration-seconds",
              "1",
              "--keys",
              "2 7391",
              "--switch-delay-ms",
              "30",
              "--round-trip-answer",
              "goodbye",
              "--peer-secret-file",
              secretFile.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, report);
    assertTrue(report.contains("| peak concurrent calls held |"), report);
    assertTrue(report.contains("| 2 | secret |"), report);
    assertTrue(report.contains("switch round trip (step 2, delay 30.00 ms, the "), report);
    assertTrue(report.contains("| goodbye (expected: the switch answered) |"), report);
    assertTrue(report.contains("not timed against the switch) | 0 (0.0 %) |"), report);
    assertFalse(report.contains("7391"), report);
    assertFalse(report.contains(SECRET), report);
  }

  @Test
  void commandLineRefusesAnUnknownOption() throws InterruptedException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        CallLoad.run(
            new String[] {"--calls", "5"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(64, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--calls"));
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
