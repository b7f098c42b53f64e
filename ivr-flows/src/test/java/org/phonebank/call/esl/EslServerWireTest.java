// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.CallFlow;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.KeypadEntry;
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
                EslPeers.localWith(SECRET)));
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
      write(
          out,
          event(
              EslEvent.of(
                  List.of(
                      new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                      new EslHeader("Answer-State", "answered"),
                      new EslHeader("Application", "play_and_get_digits"),
                      new EslHeader("Application-UUID", collectUuid),
                      new EslHeader("variable_pb_digits", CARD),
                      new EslHeader("variable_read_result", "success")))));

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
      assertEquals("execute-app-name: answer", line(readCommand(in), "execute-app-name"));
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
  void timeoutWithoutKeysIsNoInput() throws IOException {
    CompletableFuture<KeypadEntry> keyed = new CompletableFuture<>();
    DigitCollection menu =
        new DigitCollection(Prompt.of(Language.PERSIAN, "welcome"), 1, 1, Duration.ofSeconds(5));
    try (Socket socket = call(phone -> keyed.complete(phone.collect(menu)))) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String uuid = eventUuid(readCommand(in));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(
          out,
          event(
              EslEvent.of(
                  List.of(
                      new EslHeader("Event-Name", "CHANNEL_EXECUTE_COMPLETE"),
                      new EslHeader("Application-UUID", uuid),
                      new EslHeader("variable_pb_digits", "9"),
                      new EslHeader("variable_read_result", "timeout")))));
      // The flow returned without hanging up: the adapter hangs up for it.
      String hangup = readCommand(in);
      assertEquals("execute-app-name: hangup", line(hangup, "execute-app-name"));
      write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
      write(
          out,
          "Content-Type: text/disconnect-notice\n"
              + "Content-Disposition: linger\n"
              + "Content-Length: 0\n\n");
      assertEquals(-1, in.read());
    }
    assertEquals(KeypadEntry.noInput(), keyed.join());
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
