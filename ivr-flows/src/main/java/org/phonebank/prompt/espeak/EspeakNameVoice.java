// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import com.ibm.icu.lang.UScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.PromptFile;
import org.phonebank.prompt.SpokenName;

/**
 * Speaks a name with Debian's {@code espeak-ng} (the Persian voice {@code fa} for a name in Arabic
 * script, {@code en} for one in Latin letters, whatever the call's language) and resamples it with
 * {@code sox} to the 8 kHz mono 16-bit PCM of the catalogue's prompts, into {@code
 * <dir>/<lang>/spoken-<uuid>.wav}: the prompt folder FreeSWITCH plays from, so the name is one more
 * file in the read-back's {@code file_string://} list. The text goes in on standard input as UTF-8,
 * never through a shell, and is kept in the file's {@link WavText} chunk. Any failure (a missing
 * program, a time-out, an unusable file) gives no recording, and the name is spelled instead.
 *
 * @see <a href="https://github.com/espeak-ng/espeak-ng/blob/master/src/espeak-ng.1.ronn">espeak-ng
 *     options</a>
 */
public final class EspeakNameVoice implements NameVoice {

  static final String PREFIX = "spoken-";
  private static final System.Logger LOG = System.getLogger(EspeakNameVoice.class.getName());

  private final Path directory;
  private final String espeak;
  private final String sox;
  private final Duration timeout;

  public EspeakNameVoice(Path directory, String espeak, String sox, Duration timeout) {
    this.directory = Objects.requireNonNull(directory, "Prompt directory is required.");
    this.espeak = Objects.requireNonNull(espeak, "espeak-ng command is required.");
    this.sox = Objects.requireNonNull(sox, "sox command is required.");
    this.timeout = Objects.requireNonNull(timeout, "Timeout is required.");
  }

  /**
   * The name voice the settings ask for: {@code phonebank.ivr.name-voice} ({@code espeak-ng}, the
   * default, or {@code letters}), writing into {@code phonebank.ivr.name-voice-dir} (default: the
   * prompt folder {@code promptDirectory}, which must then be the same path on this host as on
   * FreeSWITCH's), each synthesis given {@code phonebank.ivr.name-voice-timeout-ms} (3000). Spoken
   * names are WAV files, so any other prompt {@code audioExtension} means letters.
   */
  public static NameVoice from(
      Function<String, Optional<String>> lookup, String promptDirectory, String audioExtension) {
    String kind = lookup.apply("phonebank.ivr.name-voice").map(String::trim).orElse("espeak-ng");
    if (kind.equals("letters") || !audioExtension.equals("wav")) {
      return NameVoice.LETTERS_ONLY;
    }
    if (!kind.equals("espeak-ng")) {
      throw new IllegalArgumentException(
          "Setting phonebank.ivr.name-voice must be espeak-ng or letters, was '" + kind + "'.");
    }
    Path dir =
        Path.of(
            lookup
                .apply("phonebank.ivr.name-voice-dir")
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(promptDirectory));
    String millis = lookup.apply("phonebank.ivr.name-voice-timeout-ms").orElse("3000").trim();
    try {
      return new EspeakNameVoice(
          dir, "espeak-ng", "sox", Duration.ofMillis(Math.max(100, Long.parseLong(millis))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Setting phonebank.ivr.name-voice-timeout-ms must be a whole number, was '"
              + millis
              + "'.");
    }
  }

  /** The espeak-ng voice for {@code name}: English for Latin letters, Persian otherwise. */
  static String voiceFor(String name) {
    int latin = 0;
    int other = 0;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        if (UScript.getScript(c) == UScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return latin > other ? "en" : "fa";
  }

  @Override
  public Optional<SpokenName> speak(String name, Language language) {
    Path folder = directory.resolve(language.code());
    String id = PREFIX + UUID.randomUUID();
    Path wav = folder.resolve(id + ".wav");
    Path raw = null;
    Path partial = null;
    try {
      Files.createDirectories(folder);
      raw = Files.createTempFile(folder, ".espeak-", ".wav");
      partial = Files.createTempFile(folder, "." + id, ".part.wav");
      run(List.of(espeak, "-v", voiceFor(name), "-b", "1", "--stdin", "-w", raw.toString()), name);
      run(
          List.of(
              sox,
              raw.toString(),
              "-r",
              "8000",
              "-c",
              "1",
              "-b",
              "16",
              "-e",
              "signed-integer",
              partial.toString()),
          null);
      WavText.write(partial, name);
      Files.move(partial, wav, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(new SpokenName(new PromptFile(language, id), () -> delete(wav)));
    } catch (IOException e) {
      // The name itself is personal data: the log says what failed, never whose name.
      LOG.log(
          System.Logger.Level.WARNING,
          "Name not synthesised, spelled instead: {0}",
          e.getMessage());
      return Optional.empty();
    } finally {
      delete(raw);
      delete(partial);
    }
  }

  /** Deletes spoken names a stopped server left behind; each is for one call only. */
  public int discardLeftovers() {
    int discarded = 0;
    for (Language language : Language.values()) {
      Path folder = directory.resolve(language.code());
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.wav")) {
        for (Path file : files) {
          delete(file);
          discarded++;
        }
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot list " + folder + ": " + e.getMessage());
      }
    }
    return discarded;
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

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "Cannot delete " + file + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "EspeakNameVoice[" + directory + "]";
  }
}
