// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoding benchmark at a tiny size, so it cannot rot; its figures are not judged here. */
class EventDecodingBenchmarkTest {

  @Test
  void theBenchmarkRunsAtATinySize() {
    EventDecodingBenchmark.main(new String[] {"--calls", "5"});
  }

  @Test
  void decodingFromTheBytesMakesLessGarbageThanTheStringBasedParser() {
    // Allocation is counted by the JVM per thread: the same on a busy machine as on an idle one.
    List<EventDecodingBenchmark.Result> results =
        new EventDecodingBenchmark(
                EventParserAgreesWithThePreviousOneTest.capturedEventBodies(), 20)
            .run();
    assertEquals(3, results.size());
    double previous = results.get(1).bytesPerCall();
    double now = results.get(2).bytesPerCall();
    assertTrue(now < previous / 2, "previous " + previous + " B/call, now " + now + " B/call");
  }
}
