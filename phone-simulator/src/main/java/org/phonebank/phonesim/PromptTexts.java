// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.PromptFile;
import org.phonebank.prompt.espeak.WavText;

/**
 * Turns what FreeSWITCH was asked to play back into the words a caller hears: a file path names its
 * prompt by its last two segments ({@code /any/dir/fa/welcome.wav} is {@code fa/welcome}), a {@code
 * file_string://} list plays several, and tone or silence streams say nothing. A name the phone
 * bank synthesised says the text kept in its file.
 */
final class PromptTexts {

  private static final String FILE_LIST = "file_string://";

  private final PromptCatalogue catalogue;

  PromptTexts(PromptCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The words, or empty text for a silence; a file the catalogue lacks is named in brackets. */
  String wordsOf(String playable) {
    List<String> words = new ArrayList<>();
    String files =
        playable.startsWith(FILE_LIST) ? playable.substring(FILE_LIST.length()) : playable;
    for (String file : files.split("!")) {
      if (file.isEmpty() || file.contains("://")) {
        continue;
      }
      words.add(wordsOfFile(file));
    }
    return String.join(" ", words);
  }

  private String wordsOfFile(String path) {
    String[] segments = path.split("/");
    String name = segments[segments.length - 1];
    int dot = name.lastIndexOf('.');
    String id =
        (segments.length > 1 ? segments[segments.length - 2] + "/" : "")
            + (dot > 0 ? name.substring(0, dot) : name);
    try {
      PromptFile file = PromptFile.parse(id);
      if (catalogue.contains(file)) {
        return catalogue.textOf(file);
      }
    } catch (IllegalArgumentException notAPrompt) {
      // Reported below like any unknown file.
    }
    return spokenText(path).orElse("[no prompt " + id + "]");
  }

  /**
   * The words of a file the phone bank synthesised for this call (a holder's name), which it keeps
   * in the file's RIFF INFO chunk; read while the file still exists, as FreeSWITCH plays it.
   */
  private static Optional<String> spokenText(String path) {
    try {
      Path file = Path.of(path);
      return Files.isRegularFile(file) ? WavText.read(file) : Optional.empty();
    } catch (IOException | InvalidPathException unreadable) {
      return Optional.empty();
    }
  }
}
