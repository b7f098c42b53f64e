// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phonebank.call.esl.EslServerWireTest.completion;
import static org.phonebank.call.esl.EslServerWireTest.connectReply;
import static org.phonebank.call.esl.EslServerWireTest.event;
import static org.phonebank.call.esl.EslServerWireTest.eventUuid;
import static org.phonebank.call.esl.EslServerWireTest.line;
import static org.phonebank.call.esl.EslServerWireTest.readCommand;
import static org.phonebank.call.esl.EslServerWireTest.write;

import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.CallFlow;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

/**
 * The Event Socket port facing peers that are not our FreeSWITCH: idle sockets, floods of the
 * largest frames, and connect replies without the installation's secret. The server runs with as
 * few call threads as a busy production server has free, so a connection that held one would show.
 */
class EslListenerUnderAttackTest {

  private static final PeerSecret SECRET = EslServerWireTest.SECRET;
  private static final Prompt WELCOME = Prompt.of(Language.ENGLISH, "welcome");
  private static final int CALL_THREADS = 4;
  private static final int MEBIBYTE = 1024 * 1024;
  private static final int READ_LIMIT_MS = 30_000;

  private final ExecutorService flows =
      new ThreadPoolExecutor(
          0,
          CALL_THREADS,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          (Runnable task) -> new Thread(task));
  private final AtomicInteger flowsStarted = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();
  private EslServer server;

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.stop();
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  private int start(CallFlow flow) {
    CallFlow counted =
        phone -> {
          flowsStarted.incrementAndGet();
          flow.handle(phone);
        };
    EslPeers peers =
        new EslPeers(SECRET, List.of("127.0.0.1"), Duration.ofSeconds(2), 2 * MEBIBYTE);
    server =
        new EslServer(
            counted,
            flows,
            new EslSettings("127.0.0.1", 0, "/srv/prompts", "wav", Duration.ofSeconds(30), peers));
    return server.start();
  }

  private Socket open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_LIMIT_MS);
    sockets.add(socket);
    return socket;
  }

  @Test
  void aConnectReplyWithoutTheSecretOrWithAnotherGetsNoPrompt() throws Exception {
    int port = start(phone -> phone.play(WELCOME));
    for (String presented : new String[] {null, "wire-test-secret-0123456788", ""}) {
      Socket socket = open(port);
      InputStream in = socket.getInputStream();
      assertEquals("connect\n\n", readCommand(in));
      write(socket.getOutputStream(), connectReply("0b5a1f7c-real-looking-uuid", presented));
      assertEquals("", rest(in), "nothing follows connect for a peer without the secret");
    }
    assertEquals(0, flowsStarted.get());
  }

  @Test
  void aCallIdWithALineBreakOrOverSixtyFourCharactersIsRefused() throws Exception {
    int port = start(phone -> phone.play(WELCOME));
    for (String callId : new String[] {"a%0Ainjected log line", "u".repeat(65)}) {
      Socket socket = open(port);
      InputStream in = socket.getInputStream();
      assertEquals("connect\n\n", readCommand(in));
      write(socket.getOutputStream(), connectReply(callId, SECRET.value()));
      assertEquals("", rest(in));
    }
    assertEquals(0, flowsStarted.get());
  }

  @Test
  void aThousandIdleConnectionsAndFloodsOfMebibyteFramesLeaveARealCallServed() throws Exception {
    CompletableFuture<Void> slowFlowsRunning = new CompletableFuture<>();
    AtomicInteger slow = new AtomicInteger();
    int port =
        start(
            phone -> {
              if (phone.callId().startsWith("flood")) {
                // A flow busy elsewhere (waiting on the bank switch) reads nothing meanwhile.
                if (slow.incrementAndGet() == 2) {
                  slowFlowsRunning.complete(null);
                }
                sleep(Duration.ofSeconds(20));
              }
              phone.play(WELCOME);
              phone.hangUp();
            });
    List<Socket> idle = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      idle.add(open(port));
    }
    byte[] mebibyteFrame = mebibyteFrame();
    List<Thread> flooders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket socket = open(port);
      flooders.add(started(() -> flood(socket, null, mebibyteFrame)));
    }
    for (int i = 0; i < 2; i++) {
      Socket socket = open(port);
      flooders.add(started(() -> flood(socket, "flood-" + socket.getLocalPort(), mebibyteFrame)));
    }

    assertTrue(realCallIsServed(port), "the real call was played its prompt and hung up");

    for (Thread flooder : flooders) {
      flooder.join(READ_LIMIT_MS);
      assertFalse(flooder.isAlive(), "the server cut every flooder off");
    }
    slowFlowsRunning.get(READ_LIMIT_MS, TimeUnit.MILLISECONDS);
    for (Socket socket : idle) {
      // The idle peers got connect, then were closed when the handshake time ran out.
      assertEquals("connect\n\n", readCommand(socket.getInputStream()));
      assertEquals(-1, socket.getInputStream().read());
    }
  }

  private boolean realCallIsServed(int port) throws IOException {
    Socket socket = open(port);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    assertEquals("connect\n\n", readCommand(in));
    write(out, connectReply("2f1c7d5e-0a4b-4e36-9d8a-7c1b2a3f4e5d", SECRET.value()));
    assertEquals("myevents\n\n", readCommand(in));
    write(out, "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n");
    assertEquals("linger\n\n", readCommand(in));
    write(out, "Content-Type: command/reply\nReply-Text: +OK will linger\n\n");
    answer(in, out, "unset");
    answer(in, out, "playback");
    String hangup = readCommand(in);
    write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
    write(out, "Content-Type: text/disconnect-notice\nContent-Disposition: linger\n\n");
    return line(hangup, "execute-app-name").endsWith("hangup") && in.read() == -1;
  }

  private static void answer(InputStream in, OutputStream out, String app) throws IOException {
    String command = readCommand(in);
    assertEquals("execute-app-name: " + app, line(command, "execute-app-name"));
    write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
    write(out, event(completion(app, eventUuid(command), "_none_")));
  }

  /**
   * Answers connect (with the secret when given), then sends 1 MiB frames until the server closes
   * the socket; gives up after 64 MiB, which the test would see as a live flooder.
   */
  private static void flood(Socket socket, String callId, byte[] frame) {
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      readCommand(in);
      if (callId != null) {
        write(out, connectReply(callId, SECRET.value()));
        readCommand(in); // myevents
        write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
        readCommand(in); // linger
        write(out, "Content-Type: command/reply\nReply-Text: +OK\n\n");
        answer(in, out, "unset");
      }
      for (int i = 0; i < 64; i++) {
        out.write(frame);
        out.flush();
      }
      throw new AssertionError("64 MiB went in without the server closing the socket");
    } catch (IOException closedByTheServer) {
      // what the flood should come to
    }
  }

  private static byte[] mebibyteFrame() {
    byte[] body = new byte[MEBIBYTE];
    byte[] head = "Event-Name: HEARTBEAT\nX: ".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    java.util.Arrays.fill(body, head.length, body.length - 2, (byte) 'x');
    body[body.length - 2] = '\n';
    body[body.length - 1] = '\n';
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.writeBytes(
        ("Content-Length: " + MEBIBYTE + "\nContent-Type: text/event-plain\n\n")
            .getBytes(StandardCharsets.US_ASCII));
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  private static Thread started(Runnable task) {
    Thread thread = new Thread(task, "flooder");
    thread.start();
    return thread;
  }

  private static String rest(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
