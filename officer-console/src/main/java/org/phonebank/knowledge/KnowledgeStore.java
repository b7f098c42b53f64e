// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where articles and all their versions are kept. Versions are only ever added: an edit names the
 * version it was made on, and is refused if another edit got there first, so no one's text is
 * overwritten unseen; nothing is changed or removed.
 */
public interface KnowledgeStore {

  /** Every article with its current (highest) version. */
  List<Article> current();

  /** Every version of one article, oldest first; empty when there is no such article. */
  List<ArticleVersion> history(ArticleId id);

  /**
   * Adds version {@code baseVersion + 1} of an article.
   *
   * @throws KnowledgeRefusal NOT_FOUND for no such article; CONFLICT when its current version is no
   *     longer {@code baseVersion} (another edit came first)
   */
  ArticleVersion addVersion(
      ArticleId id, int baseVersion, ArticleText text, String editor, Instant at);

  /**
   * Creates an article with its version 1, last among its siblings, unless one with this id exists
   * (then changes nothing).
   *
   * @param parent an existing article, or empty for a topic
   * @return whether it was created
   * @throws KnowledgeRefusal BAD_INPUT when the parent does not exist
   */
  boolean create(
      ArticleId id, Optional<ArticleId> parent, ArticleText text, String editor, Instant at);
}
