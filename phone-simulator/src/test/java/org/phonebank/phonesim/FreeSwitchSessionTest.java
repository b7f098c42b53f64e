// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.phonebank.esl.EslCommand;
import org.phonebank.esl.EslFrame;
import org.phonebank.prompt.PromptCatalogue;

/**
 * The simulated FreeSWITCH driven command by command on an {@link EmbeddedChannel}: which keys
 * reach a DTMF event depends on {@code sensitive_dtmf} when each key was queued.
 */
class FreeSwitchSessionTest {

  private static final String CARD_QUESTION =
      "1 17 1 15000 # /p/en/enter-card.wav silence_stream://250 pb_secret [0-9*#]+ 15000";
  private static final String PIN_QUESTION =
      "4 4 1 10000 # /p/en/enter-pin.wav silence_stream://250 pb_secret [0-9*#]+ 10000";

  private final List<String> dtmfDigits = new ArrayList<>();

  /** Runs {@code apps} ("name arg") against a caller keying a card and typing the PIN ahead. */
  private void run(String... apps) {
    FreeSwitchSession simulated =
        new FreeSwitchSession(
            CallScript.parse("6037991234567893#7391"),
            new PromptTexts(PromptCatalogue.load()),
            new FakeChannel("1001", "2000", "127.0.0.1:8084", java.util.Map.of()),
            new CompletableFuture<>());
    EmbeddedChannel channel = new EmbeddedChannel(simulated);
    int n = 0;
    for (String app : apps) {
      int space = app.indexOf(' ');
      channel.writeInbound(
          EslCommand.execute(app.substring(0, space), app.substring(space + 1), "uuid-" + n++));
    }
    EslFrame frame;
    while ((frame = channel.readOutbound()) != null) {
      if (frame.isEvent() && frame.event().eventName().equals("DTMF")) {
        dtmfDigits.add(frame.event().header("DTMF-Digit").orElseThrow());
      }
    }
    channel.finishAndReleaseAll();
  }

  @Test
  void aTypedAheadKeyQueuedWhileSensitivityWasLoweredReachesADtmfEvent() {
    // The phone bank's old way: sensitivity lowered after each secret and raised before the next.
    run(
        "set sensitive_dtmf=true",
        "play_and_get_digits " + CARD_QUESTION,
        "unset pb_secret",
        "set sensitive_dtmf=false",
        "set sensitive_dtmf=true",
        "play_and_get_digits " + PIN_QUESTION);

    // Typed-ahead keys arrive one per command: 7 at the unset, 3 at the first set (both while
    // true), 9 at the second set (while false), 1 at the question.
    assertEquals(List.of("9"), dtmfDigits);
  }

  @Test
  void keysQueuedWhileSensitiveRaiseNoEventEvenWhenReadLater() {
    run(
        "set sensitive_dtmf=true",
        "play_and_get_digits " + CARD_QUESTION,
        "unset pb_secret",
        "playback /p/en/welcome.wav",
        "play_and_get_digits " + PIN_QUESTION);

    assertEquals(List.of(), dtmfDigits);
  }

  @Test
  void withoutSensitivityEveryKeyReadRaisesAnEventButNotTheTerminator() {
    run("play_and_get_digits " + CARD_QUESTION, "play_and_get_digits " + PIN_QUESTION);

    assertEquals(
        List.of("6", "0", "3", "7", "9", "9", "1", "2", "3", "4"), dtmfDigits.subList(0, 10));
    assertEquals(16 + 1 + 4, dtmfDigits.size(), "every key dequeued, the # included");
  }

  @Test
  void aHangUpSentDuringAnEventLockedPlaybackRunsOnlyOnceThePlaybackIsOver() {
    FreeSwitchSession simulated =
        new FreeSwitchSession(
            CallScript.parse("1"),
            new PromptTexts(PromptCatalogue.load()),
            new FakeChannel("1001", "2000", "127.0.0.1:8084", java.util.Map.of()),
            new CompletableFuture<>(),
            java.time.Duration.ofMillis(50),
            CallListener.NONE);
    EmbeddedChannel channel = new EmbeddedChannel(simulated);
    channel.writeInbound(EslCommand.execute("playback", "/p/en/welcome.wav", "uuid-play"));
    channel.writeInbound(EslCommand.execute("hangup", "NORMAL_CIRCUIT_CONGESTION", "uuid-hang"));

    List<String> seen = new ArrayList<>();
    long until = System.nanoTime() + 5_000_000_000L;
    while (seen.stream().noneMatch(e -> e.startsWith("CHANNEL_HANGUP_COMPLETE "))
        && System.nanoTime() < until) {
      channel.runScheduledPendingTasks();
      EslFrame frame;
      while ((frame = channel.readOutbound()) != null) {
        if (frame.isEvent()) {
          seen.add(
              frame.event().eventName()
                  + " "
                  + frame.event().header("Application").orElse("")
                  + frame.event().header("Hangup-Cause").orElse(""));
        }
      }
    }
    channel.finishAndReleaseAll();

    assertEquals(
        List.of(
            "CHANNEL_EXECUTE playback",
            "CHANNEL_EXECUTE_COMPLETE playback",
            "CHANNEL_EXECUTE hangup",
            "CHANNEL_HANGUP NORMAL_CIRCUIT_CONGESTION",
            "CHANNEL_EXECUTE_COMPLETE hangup",
            "CHANNEL_HANGUP_COMPLETE NORMAL_CIRCUIT_CONGESTION"),
        seen);
  }
}
