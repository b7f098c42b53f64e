// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.List;
import java.util.Objects;

/**
 * A name synthesised into a prompt file of its own ({@code <language>/spoken-<uuid>}), deleted by
 * {@link #close()} once it has been played.
 */
public record SpokenName(PromptFile file, Runnable discard) implements AutoCloseable {

  public SpokenName {
    Objects.requireNonNull(file, "Prompt file is required.");
    Objects.requireNonNull(discard, "Discard action is required.");
  }

  public Prompt prompt() {
    return new Prompt(List.of(file));
  }

  @Override
  public void close() {
    discard.run();
  }
}
