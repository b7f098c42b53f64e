// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.Objects;
import java.util.Optional;

/**
 * An article's place in the tree and its current (latest) version.
 *
 * @param parent the article it sits under, empty for a top-level topic
 * @param order its place among its siblings, lowest first
 */
public record Article(ArticleId id, Optional<ArticleId> parent, int order, ArticleVersion current) {

  public Article {
    Objects.requireNonNull(id, "Article id is required.");
    Objects.requireNonNull(parent, "Parent is required (empty for a topic).");
    Objects.requireNonNull(current, "Current version is required.");
    if (!current.id().equals(id)) {
      throw new IllegalArgumentException("Version of " + current.id() + " given for " + id);
    }
    if (parent.filter(id::equals).isPresent()) {
      throw new IllegalArgumentException("An article cannot sit under itself: " + id);
    }
  }

  public ArticleText text() {
    return current.text();
  }
}
