// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Speaks with Debian's {@code espeak-ng}, whose voices are named by language code ({@code fa},
 * {@code en}), and resamples its 22,050 Hz output to 8 kHz with {@code sox}. The text goes in on
 * standard input as UTF-8, never through a shell.
 *
 * @see <a href="https://github.com/espeak-ng/espeak-ng/blob/master/src/espeak-ng.1.ronn">espeak-ng
 *     options</a>
 */
final class EspeakSpeaker implements Speaker {

  private final String espeak;
  private final String sox;

  EspeakSpeaker(String espeak, String sox) {
    this.espeak = espeak;
    this.sox = sox;
  }

  @Override
  public String voiceOf(String languageCode) {
    return "espeak-ng -v " + languageCode + " | sox -r 8000 -c 1 -b 16";
  }

  @Override
  public void speak(String languageCode, String text, Path wav) throws IOException {
    Path spoken = Files.createTempFile(wav.getParent(), ".espeak-", ".wav");
    try {
      run(List.of(espeak, "-v", languageCode, "-b", "1", "--stdin", "-w", spoken.toString()), text);
      run(
          List.of(
              sox,
              spoken.toString(),
              "-r",
              "8000",
              "-c",
              "1",
              "-b",
              "16",
              "-e",
              "signed-integer",
              wav.toString()),
          null);
    } finally {
      Files.deleteIfExists(spoken);
    }
  }

  private static void run(List<String> command, String input) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output;
    try (InputStream out = process.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    try {
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IOException(command.get(0) + " exited with " + exit + ": " + output);
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command.get(0) + ".", e);
    }
  }
}
