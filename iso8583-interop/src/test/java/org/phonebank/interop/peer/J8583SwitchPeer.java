// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.peer;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.MessageFactory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.phonebank.interop.DemoZoneKeys;
import org.phonebank.interop.Iso87Dictionary;
import org.phonebank.interop.Iso87Dictionary.Encoding;
import org.phonebank.interop.RetailMac;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsServerSocketFactory;

/**
 * A bank switch written with j8583 instead of jPOS, to check the bridge against the interface
 * specification rather than against its own codec. It listens on mutual TLS 1.3 with the demo
 * switch certificate, reads frames of a two-byte big-endian length, the five-byte TPDU {@code 60 00
 * 00 00 00} and an ISO 8583:1987 message with BCD numerics and a binary bitmap, verifies the MAC of
 * financial and reversal requests, and answers as {@link PeerIssuer} decides. It can also send its
 * own echo test to the bridge ({@link #echoTheBridge}).
 *
 * <p>Everything the peer finds wrong about a request (framing, an encoding that does not re-encode
 * to the same bytes, a missing or bad MAC) is recorded in {@link #problems()}, and every request it
 * read is kept, decoded, in {@link #requests()}.
 */
final class J8583SwitchPeer implements AutoCloseable {

  /**
   * A request as the peer read it: the image (MTI to last field) and its fields as text, by number.
   */
  record Received(byte[] image, Map<Integer, String> fields, boolean macVerified) {
    String mti() {
      return fields.get(0);
    }

    String field(int number) {
      return fields.get(number);
    }
  }

  private static final byte[] TPDU = {0x60, 0, 0, 0, 0};
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final MessageFactory<IsoMessage> codec = Iso87Dictionary.factory(Encoding.BCD);
  private final byte[] zak;
  private final byte[] zpk;
  private final ServerSocket server;
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Socket> links = new CopyOnWriteArrayList<>();
  private final PeerIssuer issuer;
  private final Map<String, CompletableFuture<Received>> awaitedAnswers = new ConcurrentHashMap<>();
  private final Map<String, DataOutputStream> linkOfTerminal = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private J8583SwitchPeer(SwitchCredentials credentials, Map<String, Long> balances)
      throws IOException {
    Path folder = credentials.directory();
    this.zak = DemoZoneKeys.mac(folder);
    this.zpk = DemoZoneKeys.pin(folder);
    this.issuer = new PeerIssuer(codec, zak, balances, problems);
    TlsServerSocketFactory sockets =
        new TlsServerSocketFactory(
            MutualTls.context(credentials.server(), credentials.trustAnchors()),
            InetAddress.getLoopbackAddress(),
            Duration.ofSeconds(10));
    this.server = sockets.createServerSocket(0);
    Thread acceptor = new Thread(this::accept, "j8583-peer-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts listening on an ephemeral loopback port; {@code balances} maps card numbers to rials.
   */
  static J8583SwitchPeer start(SwitchCredentials credentials, Map<String, Long> balances)
      throws IOException {
    return new J8583SwitchPeer(credentials, balances);
  }

  int port() {
    return server.getLocalPort();
  }

  List<Received> requests() {
    return List.copyOf(requests);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  byte[] pinKey() {
    return zpk.clone();
  }

  /** Answers requests about {@code card} with a MAC that does not verify. */
  void corruptMacsFor(String card) {
    issuer.corruptMacsFor(card);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket link = server.accept();
        links.add(link);
        Thread reader = new Thread(() -> serve(link), "j8583-peer-link");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        if (!closed) {
          problems.add("accept failed: " + e.getMessage());
        }
        return;
      }
    }
  }

  private void serve(Socket link) {
    try (link) {
      DataInputStream in = new DataInputStream(link.getInputStream());
      DataOutputStream out = new DataOutputStream(link.getOutputStream());
      while (true) {
        int length = in.readUnsignedShort();
        byte[] frame = new byte[length];
        in.readFully(frame);
        byte[] answer = answer(frame, out);
        if (answer != null) {
          write(out, answer);
        }
      }
    } catch (EOFException e) {
      // The bridge closed the link.
    } catch (IOException e) {
      if (!closed) {
        problems.add("link failed: " + e.getMessage());
      }
    }
  }

  private static void write(DataOutputStream out, byte[] image) throws IOException {
    synchronized (out) {
      out.writeShort(TPDU.length + image.length);
      out.write(TPDU);
      out.write(image);
      out.flush();
    }
  }

  /**
   * Sends the switch's own echo test (0800, field 70 {@code 301}) on the link {@code terminal} last
   * spoke on, and waits for the answer: the 0810 as this peer read it.
   */
  Received echoTheBridge(String terminal, String stan, Duration timeout) throws Exception {
    DataOutputStream out = linkOfTerminal.get(terminal);
    if (out == null) {
      throw new IllegalStateException("No link from terminal " + terminal + " yet.");
    }
    IsoMessage echo = codec.newMessage(0x800);
    echo.setField(7, Iso87Dictionary.value(7, "0101000000", Encoding.BCD));
    echo.setField(11, Iso87Dictionary.value(11, stan, Encoding.BCD));
    echo.setField(70, Iso87Dictionary.value(70, "301", Encoding.BCD));
    CompletableFuture<Received> answer = new CompletableFuture<>();
    awaitedAnswers.put(stan, answer);
    write(out, echo.writeData());
    return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private byte[] answer(byte[] frame, DataOutputStream from) {
    if (frame.length < TPDU.length + 2 + 8
        || !Arrays.equals(TPDU, Arrays.copyOf(frame, TPDU.length))) {
      problems.add(
          "frame does not start with TPDU 6000000000: "
              + HEX.formatHex(frame, 0, Math.min(7, frame.length)));
      return null;
    }
    byte[] image = Arrays.copyOfRange(frame, TPDU.length, frame.length);
    IsoMessage request;
    try {
      request = codec.parseMessage(image, 0);
    } catch (ParseException
        | IOException
        | IllegalArgumentException
        | IndexOutOfBoundsException e) {
      problems.add("unparseable message " + HEX.formatHex(image, 0, 2) + ": " + e.getMessage());
      return null;
    }
    if (request == null) {
      problems.add("unknown MTI " + HEX.formatHex(image, 0, 2));
      return null;
    }
    Map<Integer, String> fields = fields(request);
    if (!Arrays.equals(image, request.writeData())) {
      problems.add(fields.get(0) + ": j8583 re-encodes the decoded fields to different bytes");
    }
    String mti = fields.get(0);
    if (fields.containsKey(41)) {
      linkOfTerminal.put(fields.get(41), from);
    }
    if ("0810".equals(mti)) {
      CompletableFuture<Received> awaited = awaitedAnswers.remove(fields.get(11));
      if (awaited == null) {
        problems.add("0810 for no echo of ours, STAN " + fields.get(11));
      } else {
        awaited.complete(new Received(image, fields, false));
      }
      return null;
    }
    boolean macRequired = isFinancialOrReversal(mti);
    boolean macVerified = false;
    if (macRequired) {
      int macField = PeerIssuer.macField(request);
      if (!request.hasField(macField)) {
        problems.add(mti + " STAN " + fields.get(11) + ": no MAC in field " + macField);
      } else if (!RetailMac.verifies(zak, image)) {
        problems.add(
            mti + " STAN " + fields.get(11) + ": MAC in field " + macField + " does not verify");
      } else {
        macVerified = true;
      }
    }
    requests.add(new Received(image, fields, macVerified));
    return switch (mti) {
      case "0800" -> issuer.networkAnswer(request);
      case "0200" -> issuer.financialAnswer(request, macVerified);
      // An advice whose MAC fails is not answered, so that the acquirer repeats it (spec section
      // 6).
      case "0420", "0421" -> macVerified ? issuer.reversalAnswer(request) : null;
      default -> {
        problems.add("unexpected MTI " + mti);
        yield null;
      }
    };
  }

  private static boolean isFinancialOrReversal(String mti) {
    return mti.startsWith("02") || mti.startsWith("04");
  }

  private static Map<Integer, String> fields(IsoMessage m) {
    Map<Integer, String> fields = new TreeMap<>();
    fields.put(0, String.format("%04x", m.getType()));
    for (int i = 2; i <= 128; i++) {
      if (m.hasField(i)) {
        fields.put(i, Iso87Dictionary.text(m, i));
      }
    }
    return fields;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket link : links) {
      link.close();
    }
    Arrays.fill(zak, (byte) 0);
    Arrays.fill(zpk, (byte) 0);
  }
}
