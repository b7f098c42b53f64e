// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code espeak-ng}, whose voices are named by language code ({@code fa}, {@code en}),
 * with {@code sox} resampling its 22,050 Hz output to the 8 kHz mono 16-bit PCM FreeSWITCH plays
 * without transcoding. The text goes in on standard input as UTF-8 ({@code -b 1 --stdin}), never
 * through a shell; each program gets {@code timeout}. Shared by the prompt recordings ({@code
 * prompt-audio}) and the names spoken during calls.
 *
 * @see <a href="https://github.com/espeak-ng/espeak-ng/blob/master/src/espeak-ng.1.ronn">espeak-ng
 *     options</a>
 */
public final class EspeakCommand {

  private final String espeak;
  private final String sox;
  private final Duration timeout;

  public EspeakCommand(String espeak, String sox, Duration timeout) {
    this.espeak = Objects.requireNonNull(espeak, "espeak-ng command is required.");
    this.sox = Objects.requireNonNull(sox, "sox command is required.");
    this.timeout = Objects.requireNonNull(timeout, "Timeout is required.");
  }

  /** What identifies voice and format, for a manifest that must notice a change of either. */
  public String voiceOf(String voice) {
    return "espeak-ng -v " + voice + " | sox -r 8000 -c 1 -b 16";
  }

  /** Writes {@code text} spoken with {@code voice} to {@code wav}, replacing it. */
  public void speak(String voice, String text, Path wav) throws IOException {
    Path spoken = Files.createTempFile(wav.toAbsolutePath().getParent(), ".espeak-", ".wav");
    try {
      run(List.of(espeak, "-v", voice, "-b", "1", "--stdin", "-w", spoken.toString()), text);
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

  private void run(List<String> command, String input) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " took longer than " + timeout.toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command.get(0) + ".", e);
    }
    if (process.exitValue() != 0) {
      String output;
      try (InputStream out = process.getInputStream()) {
        output = new String(out.readNBytes(500), StandardCharsets.UTF_8).trim();
      }
      throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": " + output);
    }
  }
}
