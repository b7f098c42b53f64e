// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recorded prompt, named {@code <language>/<name>} (for example {@code en/balance-is}). The
 * name is also the audio file's base name, so it may hold only characters that are safe in a
 * FreeSWITCH path.
 */
public record PromptFile(Language language, String name) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public PromptFile {
    Objects.requireNonNull(language, "Language is required.");
    Objects.requireNonNull(name, "Prompt name is required.");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Prompt name must be lower-case letters, digits and dashes: " + name);
    }
  }

  /** Parses {@code "en/balance-is"}. */
  public static PromptFile parse(String id) {
    int slash = id.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("Prompt id must be <language>/<name>: " + id);
    }
    String code = id.substring(0, slash);
    for (Language language : Language.values()) {
      if (language.code().equals(code)) {
        return new PromptFile(language, id.substring(slash + 1));
      }
    }
    throw new IllegalArgumentException("Unknown prompt language: " + code);
  }

  /**
   * {@code <language>/<name>}, the path of the audio file below the prompt folder, without
   * extension.
   */
  public String id() {
    return language.code() + "/" + name;
  }

  @Override
  public String toString() {
    return id();
  }
}
