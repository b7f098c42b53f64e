// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.call.CallFlow;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.KeypadEntry.Ending;
import org.phonebank.call.Phone;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.esl.EslServer;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.PromptCatalogue;

/** The Event Socket server and the phone simulator talking over real loopback TCP. */
class PhoneSimulatorCallTest {

  /** The phone bank's Event Socket peer secret in these tests; the simulator sets it. */
  static final String SECRET = "phone-simulator-test-secret";

  private static final String CARD = "6037991234567893";
  private static final String PIN = "7391";

  /** Generous safety limits for a loaded machine; nothing here asserts on time. */
  private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

  private static final Prompt WELCOME = Prompt.of(Language.ENGLISH, "welcome");
  private static final Prompt MENU =
      Prompt.of(Language.ENGLISH, "for-persian-press-1", "for-english-press-2");
  private static final Prompt ENTER_CARD = Prompt.of(Language.ENGLISH, "enter-card");
  private static final Prompt ENTER_PIN = Prompt.of(Language.ENGLISH, "enter-pin");
  private static final Prompt GOODBYE = Prompt.of(Language.ENGLISH, "goodbye");

  private final PromptCatalogue catalogue = PromptCatalogue.load();
  private final ExecutorService flows = Executors.newCachedThreadPool();
  private final List<EslServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    servers.forEach(EslServer::stop);
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** What the small flow below heard from the phone, handed back from the flow's thread. */
  private record Heard(List<KeypadEntry> entries, char[] secret, RuntimeException failure) {}

  /** Answer, welcome, a menu key, a card number, a PIN, goodbye, hang up. */
  private static final class BankingFlow implements CallFlow {
    final CompletableFuture<Heard> heard = new CompletableFuture<>();

    @Override
    public void handle(Phone phone) {
      List<KeypadEntry> entries = new ArrayList<>();
      try {
        phone.answer();
        phone.play(WELCOME);
        KeypadEntry menu;
        do {
          menu = phone.collect(new DigitCollection(MENU, 1, 1, Duration.ofSeconds(5)));
          entries.add(menu);
        } while (!menu.entered());
        entries.add(phone.collect(new DigitCollection(ENTER_CARD, 1, 17, Duration.ofSeconds(15))));
        char[] secret;
        try (SecretEntry pin =
            phone.collectSecret(new DigitCollection(ENTER_PIN, 4, 4, Duration.ofSeconds(10)))) {
          secret = pin.keys().clone();
        }
        phone.play(GOODBYE);
        phone.hangUp();
        heard.complete(new Heard(entries, secret, null));
      } catch (RuntimeException e) {
        heard.complete(new Heard(entries, null, e));
        throw e;
      }
    }
  }

  private int start(CallFlow flow) {
    EslServer server = new EslServer(flow, flows, TestEsl.settings(SECRET));
    servers.add(server);
    return server.start();
  }

  private String ivr(Prompt prompt) {
    return Transcript.ivr(catalogue.textOf(prompt));
  }

  @Test
  void aCallBeyondCapacityHearsAllLinesBusyInBothLanguagesAndIsHungUpAsCongestion()
      throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    CallFlow holdTheLine =
        phone -> {
          phone.answer();
          holding.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          phone.hangUp();
        };
    // One call thread: the second call finds none free.
    java.util.concurrent.ThreadPoolExecutor oneLine =
        new java.util.concurrent.ThreadPoolExecutor(
            0, 1, 60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>());
    EslServer server = new EslServer(holdTheLine, oneLine, TestEsl.settings(SECRET));
    servers.add(server);
    int port = server.start();
    try {
      CompletableFuture<Transcript> first =
          CompletableFuture.supplyAsync(
              () ->
                  PhoneSimulator.call(
                      "127.0.0.1", port, SECRET, CallScript.parse("- - -"), CALL_LIMIT));
      assertTrue(holding.await(30, TimeUnit.SECONDS), "the first call holds the only line");

      Transcript second =
          PhoneSimulator.call("127.0.0.1", port, SECRET, CallScript.parse("1"), CALL_LIMIT);

      Prompt busy =
          new Prompt(
              List.of(
                  new org.phonebank.prompt.PromptFile(Language.PERSIAN, "all-lines-busy"),
                  new org.phonebank.prompt.PromptFile(Language.ENGLISH, "all-lines-busy")));
      assertEquals(List.of(ivr(busy)), second.lines(), second.toString());
      assertTrue(
          second.applications().get(0).startsWith("playback file_string://"),
          second.applications().toString());
      assertEquals("hangup NORMAL_CIRCUIT_CONGESTION", second.applications().get(1));
      assertEquals(Transcript.Ending.APP_HUNG_UP, second.ending(), second.detail());

      release.countDown();
      assertEquals(Transcript.Ending.APP_HUNG_UP, first.get(60, TimeUnit.SECONDS).ending());
    } finally {
      release.countDown();
      oneLine.shutdownNow();
    }
  }

  @Test
  void keysPressedReachTheFlowAndTheCallEndsWithTheBanksHangUp() {
    BankingFlow flow = new BankingFlow();
    int port = start(flow);

    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET, CallScript.parse("- 1 " + CARD + "# " + PIN), CALL_LIMIT);

    Heard heard = flow.heard.orTimeout(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
    assertEquals(null, heard.failure());
    assertEquals(
        List.of(KeypadEntry.noInput(), new KeypadEntry(Ending.FULL, "1"), KeypadEntry.of(CARD)),
        heard.entries());
    assertArrayEquals(PIN.toCharArray(), heard.secret());
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
    assertEquals(
        List.of(
            ivr(WELCOME),
            ivr(MENU),
            Transcript.caller("keys nothing"),
            ivr(MENU),
            Transcript.caller("presses 1"),
            ivr(ENTER_CARD),
            Transcript.caller("keys a secret (16 keys)"),
            ivr(ENTER_PIN),
            Transcript.caller("keys a secret (4 keys)"),
            ivr(GOODBYE)),
        transcript.lines());
  }

  @Test
  void pinIsCollectedAsSensitiveAndUnsetAtOnceAndNeverPrinted() {
    int port = start(new BankingFlow());

    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET, CallScript.parse("1 " + CARD + "# " + PIN), CALL_LIMIT);

    for (String line : transcript.lines()) {
      assertFalse(
          line.contains(PIN) || line.contains(CARD), "transcript shows keyed digits: " + line);
    }
    assertFalse(transcript.toString().contains(PIN));
    List<String> apps = transcript.applications();
    assertEquals(
        List.of("unset pb_esl_secret", "set sensitive_dtmf=true", "answer"),
        apps.subList(0, 3),
        "before a key: the peer secret goes first");
    int pin = apps.size() - 4;
    assertTrue(apps.get(pin).startsWith("play_and_get_digits 4 4 1 10000 # "), apps.get(pin));
    assertTrue(apps.get(pin).contains(" pb_secret "), apps.get(pin));
    assertEquals("unset pb_secret", apps.get(pin + 1));
    assertEquals("hangup NORMAL_CLEARING", apps.get(apps.size() - 1));
    assertEquals(0, transcript.dtmfEvents());
  }

  @Test
  void noKeyOfTheCallLowersSensitivityAndATypedAheadPinRaisesNoDtmfEvent() {
    BankingFlow flow = new BankingFlow();
    int port = start(flow);

    // The PIN typed right after the card's #, while the phone bank is still busy with the card.
    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET, CallScript.parse("1 " + CARD + "#" + PIN), CALL_LIMIT);

    Heard heard = flow.heard.orTimeout(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
    assertEquals(null, heard.failure());
    assertArrayEquals(PIN.toCharArray(), heard.secret());
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending());
    assertEquals(
        List.of(), transcript.applications().stream().filter(a -> a.contains("=false")).toList());
    assertEquals(0, transcript.dtmfEvents(), transcript.toString());
    assertTrue(
        transcript
            .lines()
            .contains(Transcript.caller("keys a secret (16 keys), then types 4 keys ahead")),
        transcript.toString());
  }

  @Test
  void everyWayOfEndingAnEntryReachesTheFlowAsFreeSwitchReportsIt() {
    List<KeypadEntry> entries = new ArrayList<>();
    int port =
        start(
            phone -> {
              phone.answer();
              for (int i = 0; i < 4; i++) {
                entries.add(
                    phone.collect(new DigitCollection(ENTER_CARD, 1, 17, Duration.ofSeconds(15))));
              }
              entries.add(phone.collect(new DigitCollection(MENU, 1, 1, Duration.ofSeconds(5))));
              entries.add(
                  phone.collect(new DigitCollection(ENTER_PIN, 4, 4, Duration.ofSeconds(10))));
              phone.hangUp();
            });

    Transcript transcript =
        PhoneSimulator.call(
            "127.0.0.1",
            port,
            SECRET,
            CallScript.parse("# " + CARD + " - " + CARD + "# # 73"),
            CALL_LIMIT);

    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.toString());
    assertEquals(
        List.of(
            KeypadEntry.hashOnly(),
            new KeypadEntry(Ending.PAUSED, CARD),
            KeypadEntry.noInput(),
            new KeypadEntry(Ending.TERMINATED, CARD),
            KeypadEntry.hashOnly(),
            new KeypadEntry(Ending.TOO_FEW, "73")),
        entries);
  }

  @Test
  void aCallHandedToTheOfficersEndsTransferredNotHungUp() {
    int port =
        start(
            phone -> {
              phone.answer();
              phone.play(WELCOME);
              phone.transferTo("officers");
            });

    Transcript transcript =
        PhoneSimulator.call("127.0.0.1", port, SECRET, CallScript.parse(""), CALL_LIMIT);

    assertEquals(Transcript.Ending.TRANSFERRED, transcript.ending(), transcript.toString());
    assertTrue(
        transcript.spokenTexts().contains("[transferred to officers]"), transcript.toString());
  }

  @Test
  void callerHangingUpDuringAPromptEndsTheFlowWithCallerHungUp() {
    BankingFlow flow = new BankingFlow();
    int port = start(flow);

    Transcript transcript =
        PhoneSimulator.call("127.0.0.1", port, SECRET, CallScript.parse("1 H"), CALL_LIMIT);

    Heard heard = flow.heard.orTimeout(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
    assertInstanceOf(CallerHungUp.class, heard.failure());
    assertEquals(List.of(new KeypadEntry(Ending.FULL, "1")), heard.entries());
    assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending());
    assertEquals(
        Transcript.caller("hangs up"), transcript.lines().get(transcript.lines().size() - 1));
    assertFalse(transcript.spokenTexts().contains(catalogue.textOf(GOODBYE)));
  }

  @Test
  void callerWhoseScriptRunsOutHangsUp() {
    BankingFlow flow = new BankingFlow();
    int port = start(flow);

    Transcript transcript =
        PhoneSimulator.call("127.0.0.1", port, SECRET, CallScript.parse("2"), CALL_LIMIT);

    assertInstanceOf(
        CallerHungUp.class, flow.heard.orTimeout(30, TimeUnit.SECONDS).join().failure());
    assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending());
  }

  @Test
  void malformedFrameEndsOnlyThatCallAndTheNextCallWorks() throws IOException {
    List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger calls = new AtomicInteger();
    BankingFlow banking = new BankingFlow();
    int port =
        start(
            phone -> {
              if (calls.getAndIncrement() > 0) {
                banking.handle(phone);
                return;
              }
              try {
                phone.answer();
              } catch (RuntimeException e) {
                failures.add(e);
                throw e;
              }
            });

    try (Socket raw = new Socket("127.0.0.1", port)) {
      raw.setSoTimeout((int) CALL_LIMIT.toMillis());
      InputStream in = raw.getInputStream();
      OutputStream out = raw.getOutputStream();
      assertEquals("connect\n\n", readCommand(in));
      out.write(
          ascii(
              "Content-Type: command/reply\nReply-Text: %2BOK%0A\nUnique-ID: raw-call-1\n"
                  + "variable_pb_esl_secret: "
                  + SECRET
                  + "\n\n"));
      assertTrue(readCommand(in).startsWith("myevents"));
      out.write(
          ascii("Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n"));
      assertTrue(readCommand(in).startsWith("linger"));
      out.write(ascii("Content-Type: command/reply\nReply-Text: +OK will linger\n\n"));
      String unset = readCommand(in);
      assertTrue(unset.contains("execute-app-name: unset\n"), unset);
      String uuid = unset.substring(unset.indexOf("event-uuid: ") + 12).split("\n")[0];
      String completion =
          "Event-Name: CHANNEL_EXECUTE_COMPLETE\nApplication-UUID: " + uuid + "\n\n";
      out.write(
          ascii(
              "Content-Type: command/reply\nReply-Text: +OK\n\nContent-Length: "
                  + completion.length()
                  + "\nContent-Type: text/event-plain\n\n"
                  + completion));
      assertTrue(readCommand(in).contains("execute-app-name: set\n"));
      out.write(ascii("Content-Type: command/reply\nContent-Length: lots\n\n"));
      out.flush();
      assertEquals(-1, in.read(), "the server should close the call's socket");
    }

    Transcript next =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET, CallScript.parse("1 " + CARD + "# " + PIN), CALL_LIMIT);
    assertEquals(Transcript.Ending.APP_HUNG_UP, next.ending());
    assertEquals(null, banking.heard.join().failure());
    assertEquals(1, failures.size());
    assertInstanceOf(CallerHungUp.class, failures.get(0));
  }

  @Test
  void aCallWithoutThePeerSecretHearsNothingAndNoFlowRuns() {
    AtomicInteger flows = new AtomicInteger();
    int port = start(phone -> flows.incrementAndGet());

    Transcript transcript =
        PhoneSimulator.call("127.0.0.1", port, null, CallScript.parse("1"), CALL_LIMIT);
    Transcript wrong =
        PhoneSimulator.call(
            "127.0.0.1", port, SECRET.replace('t', 'T'), CallScript.parse("1"), CALL_LIMIT);

    for (Transcript refused : List.of(transcript, wrong)) {
      assertEquals(Transcript.Ending.ERROR, refused.ending(), refused.detail());
      assertEquals(List.of(), refused.lines());
      assertEquals(List.of(), refused.applications());
    }
    assertEquals(0, flows.get());
  }

  @Test
  void commandLinePrintsTheTranscriptAndExitsZeroWhenTheBankHangsUp(@TempDir Path state)
      throws IOException {
    int port = start(new BankingFlow());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path secretFile = Files.writeString(state.resolve("esl-peer-secret"), SECRET + "\n");

    int exit =
        PhoneSimulator.run(
            new String[] {
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--peer-secret-file",
              secretFile.toString(),
              "--keys",
              "1 " + CARD + "# " + PIN
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.startsWith(ivr(WELCOME) + "\n"), printed);
    assertTrue(
        printed.endsWith("--- " + Transcript.Ending.APP_HUNG_UP.description() + "\n"), printed);
    assertFalse(printed.contains(PIN) || printed.contains(CARD), printed);
  }

  @Test
  void commandLineRefusesAnUnknownOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        PhoneSimulator.run(
            new String[] {"--colour", "blue"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(64, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--colour"));
  }

  /** Reads one command: bytes up to and including the blank line that ends it. */
  private static String readCommand(InputStream in) throws IOException {
    StringBuilder command = new StringBuilder();
    while (!command.toString().endsWith("\n\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("socket closed inside a command");
      }
      command.append((char) b);
    }
    return command.toString();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
