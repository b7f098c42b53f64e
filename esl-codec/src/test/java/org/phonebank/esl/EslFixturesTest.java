// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every capture in the shared ESL fixtures, decoded whole, in small reads, and encoded back. */
class EslFixturesTest {

  /** Frame counts of the two captured sessions, as the fixtures README states them. */
  private static final Map<String, Integer> STREAM_FRAMES =
      Map.of(
          "session-outbound-answer-playback-bridge-hangup.stream.txt", 27,
          "session-outbound-dtmf-read-attxfer.stream.txt", 59);

  @Test
  void theFixtureFolderHoldsEveryKindOfCapture() {
    List<Path> all = Fixtures.all();
    assertEquals(2, all.stream().filter(Fixtures::isStream).count());
    assertEquals(5, all.stream().filter(Fixtures::isBodyOnly).count());
    assertTrue(all.size() >= 28, "expected at least 28 captures, found " + all.size());
  }

  @TestFactory
  Stream<DynamicTest> everyCaptureDecodes() {
    return Fixtures.all().stream()
        .map(
            file ->
                dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      if (Fixtures.isBodyOnly(file)) {
                        bodyParsesAsEvent(file);
                      } else if (Fixtures.isStream(file)) {
                        streamDecodes(file);
                      } else {
                        wholeFrameDecodes(file);
                      }
                    }));
  }

  private static void wholeFrameDecodes(Path file) {
    byte[] bytes = Fixtures.read(file);
    List<EslFrame> frames = Wire.frames(bytes);
    assertEquals(1, frames.size());
    EslFrame frame = frames.get(0);
    assertFalse(frame.contentType().isEmpty(), "no Content-Type");
    if (frame.isEvent()) {
      assertFalse(frame.event().eventName().isEmpty(), "event without Event-Name");
    }
    assertArrayEquals(
        bytes, Wire.encode(new EslFrameEncoder(), frames), "encoded back differently");
  }

  private static void streamDecodes(Path file) {
    byte[] bytes = Fixtures.read(file);
    List<EslFrame> whole = Wire.frames(bytes);
    assertEquals(STREAM_FRAMES.get(file.getFileName().toString()), whole.size());
    for (EslFrame frame : whole) {
      assertFalse(frame.contentType().isEmpty(), "no Content-Type");
      if (frame.isEvent()) {
        assertFalse(frame.event().eventName().isEmpty(), "event without Event-Name");
      }
    }
    // The same stream arriving in awkward 7-byte reads gives the same frames.
    List<EslFrame> split = Wire.decode(new EslFrameDecoder(), bytes, 7);
    assertEquals(whole.size(), split.size());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).headers(), split.get(i).headers());
      assertArrayEquals(whole.get(i).body(), split.get(i).body());
    }
    assertArrayEquals(bytes, Wire.encode(new EslFrameEncoder(), whole), "encoded back differently");
  }

  private static void bodyParsesAsEvent(Path file) {
    EslEvent event = EslEvent.parse(Fixtures.read(file));
    assertFalse(event.eventName().isEmpty(), "event without Event-Name");
    assertTrue(event.headers().size() > 10, "too few headers: " + event.headers().size());
  }
}
