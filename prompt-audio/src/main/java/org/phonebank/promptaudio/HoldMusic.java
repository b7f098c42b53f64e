// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.phonebank.prompt.Language;

/**
 * The music a caller hears while holding for an officer, synthesised with sox at start (never
 * committed, like the prompts): a slow plucked arpeggio of about eight seconds, written as {@code
 * <dir>/<lang>/hold-music.wav} for every language so the ESL adapter finds it where it finds the
 * prompts. The call flow plays it between the position announcements (docs/escalation.md).
 */
final class HoldMusic {

  /** The prompt name the flows play ({@code OfficerWait}). */
  static final String NAME = "hold-music";

  /** C, F, G7 and C again, each as a rising arpeggio: notes and seconds. */
  private static final String[][] NOTES = {
    {"C4", "0.4"}, {"E4", "0.4"}, {"G4", "0.4"}, {"C5", "0.8"},
    {"F4", "0.4"}, {"A4", "0.4"}, {"C5", "0.4"}, {"F5", "0.8"},
    {"G4", "0.4"}, {"B4", "0.4"}, {"D5", "0.4"}, {"F5", "0.8"},
    {"E4", "0.4"}, {"G4", "0.4"}, {"C5", "1.6"}
  };

  private final String sox;

  HoldMusic(String sox) {
    this.sox = Objects.requireNonNull(sox, "sox is required.");
  }

  /**
   * Writes the music for every language below {@code directory}, keeping a playable file already
   * there when {@code onlyMissing}. Returns how many files were written.
   *
   * @throws IOException when sox fails or writes something that is not telephony audio
   */
  int record(Path directory, boolean onlyMissing) throws IOException, InterruptedException {
    int written = 0;
    for (Language language : Language.values()) {
      Path wav = directory.resolve(language.code()).resolve(NAME + ".wav");
      if (onlyMissing && PromptRecorder.playable(wav)) {
        continue;
      }
      synthesise(wav);
      written++;
    }
    return written;
  }

  private void synthesise(Path wav) throws IOException, InterruptedException {
    Files.createDirectories(wav.getParent());
    Path partial = Files.createTempFile(wav.getParent(), "." + NAME, ".part.wav");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  sox, "-q", "-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer"));
      command.add(partial.toString());
      for (int i = 0; i < NOTES.length; i++) {
        if (i > 0) {
          command.add(":");
        }
        command.addAll(List.of("synth", NOTES[i][1], "pluck", NOTES[i][0], "vol", "0.25"));
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("sox could not synthesise the hold music: " + output.strip());
      }
      PromptRecorder.moveIntoPlace(partial, wav);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
