// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Local processes that are not FreeSWITCH, on the phone bank's Event Socket port: sockets that
 * never answer {@code connect}, peers that answer with a stream of 1 MiB frames, and one that
 * answers {@code connect} like FreeSWITCH but without the installation's secret.
 */
final class HostilePeers implements AutoCloseable {

  private static final int MEBIBYTE = 1024 * 1024;

  private final int port;
  private final List<Socket> idle = new ArrayList<>();
  private final List<Thread> flooders = new ArrayList<>();
  private final List<Socket> others = new ArrayList<>();

  HostilePeers(int port) {
    this.port = port;
  }

  void openIdle(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      idle.add(new Socket("127.0.0.1", port));
    }
  }

  /** Each flooder writes 1 MiB frames, up to 64 of them, until the server closes its socket. */
  void startFlooding(int count) throws IOException {
    byte[] frame = mebibyteFrame();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      others.add(socket);
      Thread flooder =
          new Thread(
              () -> {
                try {
                  OutputStream out = socket.getOutputStream();
                  for (int sent = 0; sent < 64; sent++) {
                    out.write(frame);
                    out.flush();
                  }
                } catch (IOException closedByTheServer) {
                  return;
                }
                throw new AssertionError("64 MiB went in without the server closing the socket");
              },
              "esl-flooder-" + i);
      flooder.setDaemon(true);
      flooder.start();
      flooders.add(flooder);
    }
  }

  /**
   * Answers {@code connect} with FreeSWITCH's channel data but no {@code pb_esl_secret}, then reads
   * whatever the server sends until it closes the socket.
   */
  String answerConnectWithoutTheSecret() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    others.add(socket);
    socket.setSoTimeout(30_000);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream heard = new ByteArrayOutputStream();
    while (!heard.toString(StandardCharsets.US_ASCII).endsWith("\n\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      heard.write(b);
    }
    socket
        .getOutputStream()
        .write(
            ("Event-Name: CHANNEL_DATA\nUnique-ID: 6f0e6a0e-5d7b-4cfe-9a57-1c0f3e3b9d21\n"
                    + "variable_sip_from_user: 1001\nContent-Type: command/reply\n"
                    + "Reply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n")
                .getBytes(StandardCharsets.US_ASCII));
    heard.writeBytes(in.readAllBytes());
    return heard.toString(StandardCharsets.US_ASCII);
  }

  boolean floodersCutOff(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    for (Thread flooder : flooders) {
      flooder.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (flooder.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many idle sockets the server closed (after its handshake timeout) within the time given.
   */
  int idleClosedByTheServer(Duration within) throws IOException {
    long deadline = System.nanoTime() + within.toNanos();
    int closed = 0;
    byte[] sink = new byte[256];
    for (Socket socket : idle) {
      int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      socket.setSoTimeout(left);
      try {
        InputStream in = socket.getInputStream();
        while (in.read(sink) >= 0) {
          // the server's connect, then the end of the stream
        }
        closed++;
      } catch (SocketTimeoutException stillOpen) {
        // counted as not closed
      }
    }
    return closed;
  }

  private static byte[] mebibyteFrame() {
    byte[] body = new byte[MEBIBYTE];
    Arrays.fill(body, (byte) 'x');
    ByteArrayOutputStream frame = new ByteArrayOutputStream(MEBIBYTE + 64);
    frame.writeBytes(
        ("Content-Length: " + MEBIBYTE + "\nContent-Type: text/event-plain\n\n")
            .getBytes(StandardCharsets.US_ASCII));
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
    for (Socket socket : others) {
      socket.close();
    }
  }
}
