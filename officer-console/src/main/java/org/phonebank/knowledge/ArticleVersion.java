// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of an article as written: the first is version 1, each edit adds the next; none is
 * ever changed or removed.
 *
 * @param editedBy the signed-in supervisor's name ({@code seed} for the starting tree)
 */
public record ArticleVersion(
    ArticleId id, int version, ArticleText text, String editedBy, Instant editedAt) {

  public ArticleVersion {
    Objects.requireNonNull(id, "Article id is required.");
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1: " + version);
    }
    Objects.requireNonNull(text, "Article text is required.");
    Objects.requireNonNull(editedBy, "Editor is required.");
    Objects.requireNonNull(editedAt, "Edit time is required.");
  }
}
