// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.util.StringJoiner;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.PromptFile;

/**
 * Where FreeSWITCH finds a prompt's recordings: {@code <dir>/<lang>/<name>.<ext>} for one file, and
 * a {@code file_string://a!b} list, which plays the files back to back, for several.
 */
final class PromptPaths {

  private final String directory;
  private final String extension;

  PromptPaths(EslSettings settings) {
    String dir = settings.promptDirectory();
    this.directory =
        dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    this.extension = settings.audioExtension();
  }

  String of(Prompt prompt) {
    if (prompt.files().size() == 1) {
      return of(prompt.files().get(0));
    }
    StringJoiner list = new StringJoiner("!", "file_string://", "");
    for (PromptFile file : prompt.files()) {
      list.add(of(file));
    }
    return list.toString();
  }

  String of(PromptFile file) {
    return directory + "/" + file.language().code() + "/" + file.name() + "." + extension;
  }
}
