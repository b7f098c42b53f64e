// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the caller hears at one point of a call: a sequence of recorded prompt files played back to
 * back.
 */
public record Prompt(List<PromptFile> files) {

  public Prompt {
    Objects.requireNonNull(files, "Prompt files are required.");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A prompt needs at least one file.");
    }
    files = List.copyOf(files);
  }

  public static Prompt of(Language language, String... names) {
    List<PromptFile> files = new ArrayList<>();
    for (String name : names) {
      files.add(new PromptFile(language, name));
    }
    return new Prompt(files);
  }

  public Prompt then(Prompt next) {
    List<PromptFile> all = new ArrayList<>(files);
    all.addAll(next.files);
    return new Prompt(all);
  }
}
