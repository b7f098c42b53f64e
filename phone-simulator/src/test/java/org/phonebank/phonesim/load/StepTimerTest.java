// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phonebank.phonesim.load.StepLatencies.StepSummary;

class StepTimerTest {

  @Test
  void timesTheNextCommandAndTheNextPromptAfterEachDeliveryOfKeys() {
    StepLatencies latencies = new StepLatencies();
    StepTimer call = new StepTimer(latencies);

    call.commandReceived("answer", 10);
    call.keysDelivered(1, false, 1_000);
    call.commandReceived("play_and_get_digits", 1_700);
    call.keysDelivered(2, true, 5_000);
    call.commandReceived("unset", 5_200);
    call.commandReceived("set", 5_300);
    call.commandReceived("playback", 9_000);
    call.commandReceived("hangup", 9_500);

    List<StepSummary> steps = latencies.summaries();
    assertEquals(2, steps.size());
    assertFalse(steps.get(0).secret());
    assertEquals(700, steps.get(0).toCommand().max());
    assertEquals(700, steps.get(0).toPrompt().max());
    assertTrue(steps.get(1).secret());
    assertEquals(1, steps.get(1).toCommand().count());
    assertEquals(200, steps.get(1).toCommand().max());
    assertEquals(1, steps.get(1).toPrompt().count());
    assertEquals(4_000, steps.get(1).toPrompt().max());
  }

  @Test
  void percentilesAreNearestRank() {
    Latencies latencies = new Latencies();
    for (long n = 2_000; n >= 1; n--) {
      latencies.add(n);
    }
    Latencies.Summary summary = latencies.summary();
    assertEquals(2_000, summary.count());
    assertEquals(1_000, summary.percentile(50));
    assertEquals(1_980, summary.percentile(99));
    assertEquals(2_000, summary.max());
    assertEquals(0, new Latencies().summary().percentile(99));
  }
}
