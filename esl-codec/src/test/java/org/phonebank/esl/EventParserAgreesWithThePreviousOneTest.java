// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The event parser that decodes from the bytes reads every event as the String-based one before it
 * did ({@link PreviousEventParser}): the real captures, and twenty thousand generated event bodies
 * with the awkward parts (escapes, broken escapes, Persian text, carriage returns, blank lines,
 * continuation lines, an inner Content-Length right or wrong).
 */
class EventParserAgreesWithThePreviousOneTest {

  @Test
  void everyCapturedEventReadsAsBefore() {
    List<byte[]> bodies = capturedEventBodies();
    assertTrue(bodies.size() >= 20, "captured event bodies: " + bodies.size());
    for (byte[] body : bodies) {
      assertSameReading(body);
    }
  }

  @Test
  void generatedEventsReadAsBefore() {
    Random random = new Random(20261130);
    for (int i = 0; i < 20_000; i++) {
      assertSameReading(generated(random));
    }
  }

  static List<byte[]> capturedEventBodies() {
    List<byte[]> bodies = new ArrayList<>();
    for (Path file : Fixtures.all()) {
      byte[] bytes = Fixtures.read(file);
      if (Fixtures.isBodyOnly(file)) {
        bodies.add(bytes);
        continue;
      }
      EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
      channel.writeInbound(Unpooled.wrappedBuffer(bytes));
      channel.finish();
      Object frame;
      while ((frame = channel.readInbound()) != null) {
        EslFrame read = (EslFrame) frame;
        if (read.isEvent()) {
          bodies.add(read.body());
        }
      }
    }
    return bodies;
  }

  private static void assertSameReading(byte[] body) {
    List<byte[]> previousBody = new ArrayList<>();
    List<EslHeader> previous;
    try {
      previous = PreviousEventParser.parse(body, previousBody);
    } catch (IllegalArgumentException refused) {
      String text = new String(body, StandardCharsets.ISO_8859_1);
      IllegalArgumentException now = null;
      try {
        EslEvent.parse(body);
      } catch (IllegalArgumentException e) {
        now = e;
      }
      // Both refuse; which fault is named first may differ (a bad header name is now found as
      // its header ends, before a bad Content-Length after it).
      assertTrue(now != null, () -> "now accepted, before refused: " + text);
      return;
    }
    EslEvent now = EslEvent.parse(body);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    assertEquals(previous.size(), now.headers().size(), text);
    for (int i = 0; i < previous.size(); i++) {
      assertEquals(previous.get(i).name(), now.headers().get(i).name(), text);
      assertEquals(previous.get(i).value(), now.headers().get(i).value(), text);
    }
    assertArrayEquals(previousBody.get(0), now.body(), text);
  }

  private static final String[] NAMES = {
    "Event-Name",
    "variable_read_result",
    "Unique-ID",
    "DTMF-Digit",
    "a=rtpmap",
    "content-length",
    "Content-Length",
    "x",
    "Caller-Caller-ID-Name"
  };
  private static final String[] PIECES = {
    "CHANNEL_EXECUTE_COMPLETE",
    "FILE%20PLAYED",
    "%2BOK%0A",
    "%D8%A8%D8%A7",
    "بانک",
    "100%",
    "%4",
    "%zz",
    "%۱۲",
    "a b",
    "0 PCMU/8000",
    "\r",
    "",
    " ",
    ":",
    ": ",
    "=",
    "\t",
    "%0D%0A",
    "12",
    "x"
  };

  /** An event-like body: header lines, sometimes a continuation or blank line, maybe a body. */
  private static byte[] generated(Random random) {
    StringBuilder text = new StringBuilder();
    int lines = random.nextInt(8);
    for (int line = 0; line < lines; line++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        text.append('\n');
        continue;
      }
      if (kind == 1) {
        text.append(piece(random)).append(piece(random)).append('\n');
        continue;
      }
      String name = NAMES[random.nextInt(NAMES.length)];
      text.append(name).append(random.nextInt(6) == 0 ? ":" : ": ");
      if (name.equalsIgnoreCase("Content-Length")) {
        int length = random.nextInt(4);
        text.append(random.nextInt(5) == 0 ? "x" : Integer.toString(length)).append('\n');
        text.append(random.nextBoolean() ? "\n" : "").append("body".repeat(random.nextInt(2)));
        break;
      }
      int pieces = random.nextInt(4);
      for (int p = 0; p < pieces; p++) {
        text.append(piece(random));
      }
      text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String piece(Random random) {
    return PIECES[random.nextInt(PIECES.length)];
  }
}
