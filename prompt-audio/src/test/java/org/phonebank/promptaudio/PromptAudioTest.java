// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.PromptFile;

class PromptAudioTest {

  @TempDir Path prompts;

  @Test
  void everyCataloguePromptOfEveryLanguageGetsAFileWhereFreeSwitchLooks() throws Exception {
    PromptCatalogue catalogue = PromptCatalogue.load();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        PromptAudio.run(
            new String[] {"--out", prompts.toString(), "--jobs", "2"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    Map<PromptFile, String> texts = PromptAudio.catalogueTexts(catalogue);
    for (Language language : Language.values()) {
      assertEquals(catalogue.names(language).size(), count(texts, language));
    }
    for (PromptFile file : texts.keySet()) {
      // The path the ESL adapter asks FreeSWITCH to play: <prompt-dir>/<lang>/<name>.wav
      Path wav = prompts.resolve(file.id() + ".wav");
      WavFormat format = WavFormat.of(wav);
      assertTrue(format.sameFormatAs(WavFormat.TELEPHONY), file + ": " + format);
      assertTrue(format.dataBytes() > 1600, file + " is too short");
    }
    for (Language language : Language.values()) {
      // Where OfficerWait's hold stretch finds it: <prompt-dir>/<lang>/hold-music.wav, seconds
      // long.
      WavFormat music = WavFormat.of(prompts.resolve(language.code() + "/hold-music.wav"));
      assertTrue(music.sameFormatAs(WavFormat.TELEPHONY), music.toString());
      assertTrue(music.dataBytes() > 5 * 8000 * 2, "hold music shorter than 5 s: " + music);
    }
    assertEquals(texts.size(), Files.readAllLines(prompts.resolve(AudioManifest.FILE_NAME)).size());
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains(texts.size() + " spoken, 0 unchanged"));
  }

  @Test
  void commandLineNeedsAnOutputFolderAndRefusesUnknownOptions() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream ignored =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(64, PromptAudio.run(new String[] {"--only-missing"}, ignored, errors));
    assertEquals(64, PromptAudio.run(new String[] {"--out", "x", "--voice", "y"}, ignored, errors));
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("--out <dir> is required"), printed);
    assertTrue(printed.contains("--voice"), printed);
  }

  private static long count(Map<PromptFile, String> texts, Language language) {
    return texts.keySet().stream().filter(file -> file.language() == language).count();
  }
}
