// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt.espeak;

import com.ibm.icu.lang.UScript;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.PromptFile;
import org.phonebank.prompt.SpokenName;

/**
 * Speaks a name with {@link EspeakCommand} (the Persian voice {@code fa} for a name in Arabic
 * script, {@code en} for one in Latin letters, whatever the call's language) into {@code
 * <dir>/<lang>/spoken-<uuid>.wav}, in the format of the catalogue's prompts: the prompt folder
 * FreeSWITCH plays from, so the name is one more file in the read-back's {@code file_string://}
 * list. The text is kept in the file's {@link WavText} chunk. Any failure (a missing program, a
 * time-out, an unusable file) gives no recording, and the name is spelled instead.
 */
public final class EspeakNameVoice implements NameVoice {

  static final String PREFIX = "spoken-";
  private static final System.Logger LOG = System.getLogger(EspeakNameVoice.class.getName());

  private final Path directory;
  private final EspeakCommand espeak;

  public EspeakNameVoice(Path directory, String espeak, String sox, Duration timeout) {
    this.directory = Objects.requireNonNull(directory, "Prompt directory is required.");
    this.espeak = new EspeakCommand(espeak, sox, timeout);
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
    Path partial = null;
    try {
      Files.createDirectories(folder);
      partial = Files.createTempFile(folder, "." + id, ".part.wav");
      espeak.speak(voiceFor(name), name, partial);
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
