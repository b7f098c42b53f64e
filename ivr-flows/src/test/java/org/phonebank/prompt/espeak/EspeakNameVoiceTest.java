// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.SpokenName;

class EspeakNameVoiceTest {

  @TempDir Path prompts;

  private static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aPersianNameIsSpokenIntoATelephonyWavThatSaysItsTextAndIsDeletedWhenClosed()
      throws IOException {
    // .ci/run installs both; a machine without them spells names, which the next test covers.
    assumeTrue(installed("espeak-ng") && installed("sox"), "espeak-ng and sox are installed");
    EspeakNameVoice voice =
        new EspeakNameVoice(prompts, "espeak-ng", "sox", Duration.ofSeconds(20));

    Optional<SpokenName> spoken = voice.speak("مصطفی کریمی", Language.PERSIAN);

    assertTrue(spoken.isPresent());
    Path wav = prompts.resolve("fa").resolve(spoken.get().file().name() + ".wav");
    assertTrue(spoken.get().file().name().startsWith("spoken-"));
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(8000, header.getInt(24), "sample rate");
    assertEquals(1, header.getShort(22), "channels");
    assertEquals(Optional.of("مصطفی کریمی"), WavText.read(wav));
    spoken.get().close();
    assertFalse(Files.exists(wav));
    try (var files = Files.list(prompts.resolve("fa"))) {
      assertEquals(0, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aFailedSynthesisGivesNoRecordingSoTheNameIsSpelled() {
    EspeakNameVoice voice =
        new EspeakNameVoice(prompts, "no-such-espeak-ng", "sox", Duration.ofSeconds(5));

    assertEquals(Optional.empty(), voice.speak("Sara Ahmadi", Language.ENGLISH));
  }

  @Test
  void theVoiceFollowsTheNamesScriptNotTheCallsLanguage() {
    assertEquals("fa", EspeakNameVoice.voiceFor("مصطفی کریمی"));
    assertEquals("en", EspeakNameVoice.voiceFor("Sara Ahmadi"));
  }

  @Test
  void settingsChooseLettersOrEspeakAndOnlyForWavPrompts() {
    assertEquals(
        NameVoice.LETTERS_ONLY,
        EspeakNameVoice.from(
            k -> Optional.ofNullable(Map.of("phonebank.ivr.name-voice", "letters").get(k)),
            "/p",
            "wav"));
    assertEquals(NameVoice.LETTERS_ONLY, EspeakNameVoice.from(k -> Optional.empty(), "/p", "sln"));
    assertTrue(EspeakNameVoice.from(k -> Optional.empty(), "/p", "wav") instanceof EspeakNameVoice);
  }

  @Test
  void leftoversOfAStoppedServerAreDiscarded() throws IOException {
    Files.createDirectories(prompts.resolve("en"));
    Files.writeString(prompts.resolve("en/spoken-1.wav"), "x");
    Files.writeString(prompts.resolve("en/welcome.wav"), "x");

    assertEquals(
        1,
        new EspeakNameVoice(prompts, "espeak-ng", "sox", Duration.ofSeconds(1)).discardLeftovers());
    assertTrue(Files.exists(prompts.resolve("en/welcome.wav")));
  }
}
