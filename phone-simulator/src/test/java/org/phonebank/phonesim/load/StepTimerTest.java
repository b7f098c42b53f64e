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

    call.commandReceived("answer", "", 10);
    call.keysDelivered(1, false, 1_000);
    call.commandReceived("play_and_get_digits", "", 1_700);
    call.keysDelivered(2, true, 5_000);
    call.commandReceived("unset", "", 5_200);
    call.commandReceived("set", "", 5_300);
    call.commandReceived("playback", "", 9_000);
    call.commandReceived("hangup", "", 9_500);

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
  void theNextPromptIsNamedByItsFileWithoutFolderLanguageOrExtension() {
    assertEquals(
        "main-menu",
        Answer.of(
            "play_and_get_digits",
            "1 1 1 5000 # /srv/prompts/fa/main-menu.wav silence_stream://250 pb_digits '' 5000"));
    assertEquals(
        "card-locked",
        Answer.of(
            "playback",
            "file_string://silence_stream://200!/srv/prompts/en/card-locked.wav!/srv/x/en/b.wav"));
    assertEquals("goodbye", Answer.of("playback", "/srv/prompts/en/goodbye.wav"));
    assertEquals("hangup", Answer.of("hangup", "NORMAL_CLEARING"));
    assertEquals("transfer", Answer.of("transfer", "officers"));
    assertEquals("playback of nothing audible", Answer.of("playback", "silence_stream://500"));
  }

  @Test
  void answersAreKeptApartByThePromptHeard() {
    StepLatencies latencies = new StepLatencies();
    StepTimer refused = new StepTimer(latencies);
    refused.keysDelivered(3, true, 0);
    refused.commandReceived("unset", "sensitive_dtmf", 100);
    refused.commandReceived("playback", "/p/fa/card-locked.wav", 2_000);
    refused.commandReceived(
        "play_and_get_digits", "1 1 1 5000 # /p/fa/main-menu.wav x v '' 1", 3_000);
    StepTimer accepted = new StepTimer(latencies);
    accepted.keysDelivered(3, true, 0);
    accepted.commandReceived(
        "play_and_get_digits", "1 1 1 5000 # /p/fa/main-menu.wav x v '' 1", 50_000);

    StepSummary pin = latencies.summaries().get(0);
    assertEquals(2, pin.toPrompt().count());
    assertEquals(1, pin.answered("card-locked"));
    assertEquals(2_000, pin.toPromptByAnswer().get("card-locked").max());
    assertEquals(1, pin.answered("main-menu"));
    assertEquals(50_000, pin.toPromptByAnswer().get("main-menu").max());
    assertEquals(0, pin.answered("goodbye"));
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
