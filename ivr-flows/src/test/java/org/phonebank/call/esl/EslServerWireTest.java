// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phonebank.call.BridgeOutcome;
import org.phonebank.call.CallFlow;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.KeypadEntry;
import org.phonebank.call.KeypadEntry.Ending;
import org.phonebank.call.PeerWaits;
import org.phonebank.esl.EslEvent;
import org.phonebank.esl.EslHeader;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

/**
 * The adapter's exact wire text against a hand-played FreeSWITCH on a real socket: what {@code
 * sendmsg} looks like, and how replies and events are matched.
 */
class EslServerWireTest {

  private static final String CALL_ID = "78b86350-4fb8-4d2b-a629-1eeafd7d2f74";
  private static final String CARD = "6037991234567893";
  static final PeerSecret SECRET = new PeerSecret("wire-test-secret-0123456789");

  /** Safety net for a stuck test, not a timing assertion. */
  private static final int READ_LIMIT_MS = 30_000;

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private EslServer server;
  private KeyTimes keyTimes = KeyTimes.NONE;

  @AfterEach
  void stop() throws InterruptedException {
    server.stop();
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  private Socket call(CallFlow flow) throws IOException {
    server =
        new EslServer(
            flow,
            flows,
            new EslSettings(
                "127.0.0.1",
                0,
                "/srv/prompts",
                "wav",
                Duration.ofSeconds(30),
                EslPeers.localWith(SECRET)),
            keyTimes);
    Socket socket = new Socket("127.0.0.1", server.start());
    socket.setSoTimeout(READ_LIMIT_MS);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    assertEquals("connect\n\n", readCommand(in));
    write(out, connectReply(CALL_ID, SECRET.value()));
    assertEquals("myevents\n\n", readCommand(in));
    write(out, "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n");
    assertEquals("linger\n\n", readCommand(in));
    write(out, "Content-Type: command/reply\nReply-Text: +OK will linger\n\n");
    String unset = readCommand(in);
    assertEquals("execute-app-name: unset", line(unset, "execute-app-name"));
    assertEquals("execute-app-arg: pb_esl_secret", line(unset, "execute-app-arg"));
    write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
    write(out, event(completion("unset", eventUuid(unset), "_none_")));
    return socket;
  }

  /** FreeSWITCH's answer to {@code connect}: channel data as URL-encoded headers. */
  static String connectReply(String callId, String secret) {
    return "Event-Name: CHANNEL_DATA\nUnique-ID: "
        + callId
        + (secret == null ? "" : "\nvariable_pb_esl_secret: " + secret)
        + "\nContent-Type: command/reply\n"
        + "Reply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n";
  }

  @Test
  void commandsGoOutAsSendmsgAndDigitsComeBackFromTheMatchingCompletion() throws IOException {
    CompletableFuture<KeypadEntry> keyed = new CompletableFuture<>();
    CompletableFuture<String> callId = new CompletableFuture<>();
    Prompt twoFiles = Prompt.of(Language.ENGLISH, "welcome", "goodbye");
    DigitCollection card =
        new DigitCollection(
            Prompt.of(Language.ENGLISH, "enter-card"), 1, 17, Duration.ofSeconds(15));

    try (Socket socket =
        call(
            phone -> {
              callId.complete(phone.callId());
              phone.play(twoFiles);
              keyed.complete(phone.collect(card));
              phone.hangUp();
            })) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();

      String playback = readCommand(in);
      String uuid = eventUuid(playback);
      assertEquals(
          "sendmsg\n"
              + "call-command: execute\n"
              + "execute-app-name: playback\n"
              + "execute-app-arg:"
              + " file_string:///srv/prompts/en/welcome.wav!/srv/prompts/en/goodbye.wav\n"
              + "event-uuid: "
              + uuid
              + "\nevent-lock: true\n\n",
          playback);
      // Another application's completion and a completion that overtakes the +OK must both be
      // handled.
      write(out, event(completion("playback", "other-uuid", "FILE PLAYED")));
      write(out, event(completion("playback", uuid, "FILE PLAYED")));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");

      keysMadeSensitive(in, out);
      String collect = readCommand(in);
      String collectUuid = eventUuid(collect);
      assertEquals(
          "execute-app-arg: 1 17 1 15000 # /srv/prompts/en/enter-card.wav silence_stream://250"
              + " pb_digits [0-9*#]+ 15000",
          line(collect, "execute-app-arg"));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(
          out,
          event(
              EslEvent.of(
                  List.of(new EslHeader("Event-Name", "DTMF"), new EslHeader("DTMF-Digit", "6")))));
      write(out, event(keysCollected(collectUuid, "variable_pb_digits", CARD)));

      String hangup = readCommand(in);
      assertEquals("execute-app-name: hangup", line(hangup, "execute-app-name"));
      assertEquals("execute-app-arg: NORMAL_CLEARING", line(hangup, "execute-app-arg"));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(
          out,
          event(
              EslEvent.of(
                  List.of(
                      new EslHeader("Event-Name", "CHANNEL_HANGUP"),
                      new EslHeader("Hangup-Cause", "NORMAL_CLEARING")))));
      assertEquals(-1, in.read(), "the server closes the socket after its hang-up");
    }
    assertEquals(CALL_ID, callId.join());
    assertEquals(KeypadEntry.of(CARD), keyed.join());
  }

  @Test
  void theOwnShareOfAnsweringKeysLeavesOutWaitsForFreeSwitchAndTheBankSwitch() throws Exception {
    CompletableFuture<Duration> own = new CompletableFuture<>();
    CompletableFuture<Boolean> switchAsked = new CompletableFuture<>();
    keyTimes =
        (ownShare, asked) -> {
          own.complete(ownShare);
          switchAsked.complete(asked);
        };
    DigitCollection pin =
        new DigitCollection(Prompt.of(Language.ENGLISH, "enter-pin"), 4, 4, Duration.ofSeconds(15));
    try (Socket socket =
        call(
            phone -> {
              phone.collectSecret(pin).close();
              pause(PEER_WAIT);
              PeerWaits.switchWaited(PEER_WAIT); // as the metered switch link adds its round trip
              pause(OWN_WORK);
              phone.play(Prompt.of(Language.ENGLISH, "goodbye"));
              phone.hangUp();
            })) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      keysMadeSensitive(in, out);
      String collect = readCommand(in);
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(out, event(keysCollected(eventUuid(collect), "variable_pb_secret", "7391")));
      String unset = readCommand(in);
      assertEquals("execute-app-name: unset", line(unset, "execute-app-name"));
      pause(PEER_WAIT); // FreeSWITCH slow to answer: its share, not the phone bank's
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(out, event(completion("unset", eventUuid(unset), "_none_")));
      String playback = readCommand(in);
      assertEquals("execute-app-name: playback", line(playback, "execute-app-name"));
      Duration ownShare = own.get(30, TimeUnit.SECONDS);
      assertTrue(switchAsked.join(), "the switch was asked while the keys were answered");
      assertTrue(
          ownShare.compareTo(OWN_WORK) >= 0 && ownShare.compareTo(PEER_WAIT) < 0,
          "own share " + ownShare + ": the flow's own work, without either peer's wait");
    }
  }

  private static final Duration PEER_WAIT = Duration.ofMillis(1500);
  private static final Duration OWN_WORK = Duration.ofMillis(100);

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusedCommandEndsTheCallWithCallerHungUpAndNothingMoreIsSent() throws IOException {
    CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
    try (Socket socket =
        call(
            phone -> {
              try {
                phone.answer();
                failure.complete(null);
              } catch (RuntimeException e) {
                failure.complete(e);
                throw e;
              }
            })) {
      InputStream in = socket.getInputStream();
      assertEquals("execute-app-name: set", line(readCommand(in), "execute-app-name"));
      write(
          socket.getOutputStream(),
          "Content-Type: command/reply\nReply-Text: -ERR invalid session id\n\n");
      assertEquals(-1, in.read(), "no hangup is sent on a line FreeSWITCH refuses");
    }
    assertInstanceOf(CallerHungUp.class, failure.join());
  }

  @Test
  void transferToResumesThenRunsTransferAndClosesWithoutHangingUp() throws IOException {
    try (Socket socket = call(phone -> phone.transferTo("officers"))) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();

      assertEquals("resume\n\n", readCommand(in));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      String transfer = readCommand(in);
      assertEquals("execute-app-name: transfer", line(transfer, "execute-app-name"));
      assertEquals("execute-app-arg: officers", line(transfer, "execute-app-arg"));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(out, event(completion("transfer", eventUuid(transfer), "_none_")));

      assertEquals(-1, in.read(), "the socket closes with no hangup after the hand-over");
    }
  }

  @Test
  void bridgeSetsRingTimeAndContinueOnFailAndReadsTheOutcomeFromTheCompletion() throws Exception {
    CompletableFuture<List<BridgeOutcome>> outcomes = new CompletableFuture<>();
    List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> talking = new CompletableFuture<>();
    try (Socket socket =
        call(
            phone -> {
              BridgeOutcome first =
                  phone.bridge("user/1001", Duration.ofSeconds(15), () -> answered.add("1001"));
              BridgeOutcome second =
                  phone.bridge(
                      "user/1002",
                      Duration.ofSeconds(15),
                      () -> {
                        answered.add("1002");
                        talking.complete(null);
                      });
              outcomes.complete(List.of(first, second));
              phone.hangUp();
            })) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (String officer : List.of("user/1001", "user/1002")) {
        for (String variable :
            List.of(
                "call_timeout=15",
                "continue_on_fail=true",
                "hangup_after_bridge=false",
                "ignore_early_media=true")) {
          String set = readCommand(in);
          assertEquals("execute-app-arg: " + variable, line(set, "execute-app-arg"));
          write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
          write(out, event(completion("set", eventUuid(set), "_none_")));
        }
        String bridge = readCommand(in);
        assertEquals("execute-app-name: bridge", line(bridge, "execute-app-name"));
        assertEquals("execute-app-arg: " + officer, line(bridge, "execute-app-arg"));
        write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
        boolean first = officer.endsWith("1001");
        if (!first) {
          // switch_ivr_multi_threaded_bridge (src/switch_ivr_bridge.c): CHANNEL_BRIDGE with the
          // caller's data when the officer answers; the application completes only when the
          // conversation is over, after CHANNEL_UNBRIDGE.
          write(out, event(bridgeEvent("CHANNEL_BRIDGE")));
          talking.get(10, java.util.concurrent.TimeUnit.SECONDS);
          assertFalse(outcomes.isDone(), "the answer is known while the bridge is still up");
          write(out, event(bridgeEvent("CHANNEL_UNBRIDGE")));
        }
        // What switch_ivr_originate leaves on the caller's channel: NO_ANSWER, then an answer.
        write(
            out,
            event(
                EslEvent.of(
                    List.of(
                        new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                        new EslHeader("Application", "bridge"),
                        new EslHeader("Application-UUID", eventUuid(bridge)),
                        new EslHeader(
                            "variable_originate_disposition",
                            first ? "NO_ANSWER" : "call accepted"),
                        new EslHeader("variable_DIALSTATUS", first ? "NOANSWER" : "ANSWER")))));
      }
      String hangup = readCommand(in);
      assertEquals("execute-app-name: hangup", line(hangup, "execute-app-name"));
    }
    assertEquals(List.of(BridgeOutcome.NO_ANSWER, BridgeOutcome.TALKED), outcomes.join());
    assertEquals(List.of("1002"), answered, "told once, and only of the answered officer");
  }

  private static EslEvent bridgeEvent(String name) {
    return EslEvent.of(
        List.of(
            new EslHeader("Event-Name", name),
            new EslHeader("Unique-ID", CALL_ID),
            new EslHeader("Bridge-A-Unique-ID", CALL_ID),
            new EslHeader("Bridge-B-Unique-ID", "officer-leg-1002")));
  }

  /**
   * One FreeSWITCH outcome: the variables its CHANNEL_EXECUTE_COMPLETE carries after {@code
   * play_and_get_digits} (as src/switch_ivr_play_say.c's switch_ivr_read and
   * switch_play_and_get_digits leave them; see {@link DigitResult}) and what the flow must get.
   */
  private record Outcome(
      String what, int min, int max, List<EslHeader> variables, KeypadEntry expected) {
    @Override
    public String toString() {
      return what;
    }
  }

  private static EslHeader variable(String name, String value) {
    return new EslHeader("variable_" + name, value);
  }

  static List<Outcome> outcomes() {
    String seventeen = CARD + "1";
    return List.of(
        new Outcome(
            "card then #: success with the terminator",
            1,
            17,
            List.of(
                variable("read_result", "success"),
                variable("pb_digits", CARD),
                variable("read_terminator_used", "#")),
            new KeypadEntry(Ending.TERMINATED, CARD)),
        new Outcome(
            "as many keys as the question takes: success without a terminator",
            1,
            17,
            List.of(variable("read_result", "success"), variable("pb_digits", seventeen)),
            new KeypadEntry(Ending.FULL, seventeen)),
        new Outcome(
            "sixteen digits then silence: timeout with the digits kept",
            1,
            17,
            List.of(variable("read_result", "timeout"), variable("pb_digits", CARD)),
            new KeypadEntry(Ending.PAUSED, CARD)),
        new Outcome(
            "two keys of four: failure with the variable set",
            4,
            4,
            List.of(variable("read_result", "failure"), variable("pb_digits", "73")),
            new KeypadEntry(Ending.TOO_FEW, "73")),
        new Outcome(
            "keys the regular expression refused: variable unset, _invalid set",
            1,
            17,
            List.of(variable("read_result", "success"), variable("pb_digits_invalid", "12*4")),
            new KeypadEntry(Ending.REFUSED, "12*4")),
        new Outcome(
            "# alone on a long entry: failure with the terminator",
            1,
            17,
            List.of(variable("read_result", "failure"), variable("read_terminator_used", "#")),
            KeypadEntry.hashOnly()),
        new Outcome(
            "# alone on a one-key question: success with the key dropped",
            1,
            1,
            List.of(variable("read_result", "success")),
            KeypadEntry.hashOnly()),
        new Outcome(
            "nothing: failure, variable unset",
            1,
            17,
            List.of(variable("read_result", "failure")),
            KeypadEntry.noInput()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void everyDigitResultReachesTheFlowAsFreeSwitchMeantIt(Outcome outcome) throws IOException {
    CompletableFuture<KeypadEntry> keyed = new CompletableFuture<>();
    DigitCollection question =
        new DigitCollection(
            Prompt.of(Language.PERSIAN, "enter-card"),
            outcome.min(),
            outcome.max(),
            Duration.ofSeconds(5));
    try (Socket socket = call(phone -> keyed.complete(phone.collect(question)))) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      keysMadeSensitive(in, out);
      String uuid = eventUuid(readCommand(in));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      List<EslHeader> headers = new ArrayList<>();
      headers.add(new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"));
      headers.add(new EslHeader("Application", "play_and_get_digits"));
      headers.add(new EslHeader("Application-UUID", uuid));
      headers.addAll(outcome.variables());
      write(out, event(EslEvent.of(headers)));

      String next = readCommand(in);
      if (outcome.variables().contains(variable("read_terminator_used", "#"))) {
        // FreeSWITCH never clears it before a read: the phone bank does, so the next one is fresh.
        assertEquals("execute-app-name: unset", line(next, "execute-app-name"));
        assertEquals("execute-app-arg: read_terminator_used", line(next, "execute-app-arg"));
        write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
        write(out, event(completion("unset", eventUuid(next), "_none_")));
        next = readCommand(in);
      }
      // The flow returned without hanging up: the adapter hangs up for it.
      assertEquals("execute-app-name: hangup", line(next, "execute-app-name"));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(
          out,
          "Content-Type: text/disconnect-notice\n"
              + "Content-Disposition: linger\n"
              + "Content-Length: 0\n\n");
      assertEquals(-1, in.read());
    }
    assertEquals(outcome.expected(), keyed.join());
  }

  /** Every call raises sensitive_dtmf before its first key and never lowers it. */
  private static void keysMadeSensitive(InputStream in, OutputStream out) throws IOException {
    String set = readCommand(in);
    assertEquals("execute-app-name: set", line(set, "execute-app-name"));
    assertEquals("execute-app-arg: sensitive_dtmf=true", line(set, "execute-app-arg"));
    write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
    write(out, event(completion("set", eventUuid(set), "_none_")));
  }

  /** A {@code play_and_get_digits} that collected {@code keys} into {@code variable}. */
  static EslEvent keysCollected(String uuid, String variable, String keys) {
    return EslEvent.of(
        List.of(
            new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
            new EslHeader("Answer-State", "answered"),
            new EslHeader("Application", "play_and_get_digits"),
            new EslHeader("Application-UUID", uuid),
            new EslHeader(variable, keys),
            new EslHeader("variable_read_result", "success")));
  }

  static EslEvent completion(String app, String uuid, String response) {
    return EslEvent.of(
        List.of(
            new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
            new EslHeader("Application", app),
            new EslHeader("Application-Response", response),
            new EslHeader("Application-UUID", uuid)));
  }

  static String event(EslEvent event) {
    String body = new String(event.encode(), StandardCharsets.UTF_8);
    return "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\nContent-Type: text/event-plain\n\n"
        + body;
  }

  static String eventUuid(String command) {
    return line(command, "event-uuid").substring("event-uuid: ".length());
  }

  static String line(String command, String name) {
    for (String line : command.split("\n")) {
      if (line.startsWith(name + ": ")) {
        return line;
      }
    }
    return fail("no " + name + " line in the command");
  }

  static String readCommand(InputStream in) throws IOException {
    StringBuilder command = new StringBuilder();
    while (!command.toString().endsWith("\n\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("socket closed inside a command: " + command);
      }
      command.append((char) b);
    }
    return command.toString();
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
