// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The knowledge store in memory, for tests and a node without a database. */
public final class InMemoryKnowledgeStore implements KnowledgeStore {

  private record Entry(Optional<ArticleId> parent, int order, List<ArticleVersion> versions) {}

  private final Map<ArticleId, Entry> articles = new LinkedHashMap<>();

  @Override
  public synchronized List<Article> current() {
    List<Article> current = new ArrayList<>();
    articles.forEach(
        (id, entry) ->
            current.add(
                new Article(
                    id,
                    entry.parent(),
                    entry.order(),
                    entry.versions().get(entry.versions().size() - 1))));
    return current;
  }

  @Override
  public synchronized List<ArticleVersion> history(ArticleId id) {
    Entry entry = articles.get(id);
    return entry == null ? List.of() : List.copyOf(entry.versions());
  }

  @Override
  public synchronized ArticleVersion addVersion(
      ArticleId id, int baseVersion, ArticleText text, String editor, Instant at) {
    Entry entry = articles.get(id);
    if (entry == null) {
      throw new KnowledgeRefusal(KnowledgeRefusal.Kind.NOT_FOUND, "No article " + id + ".");
    }
    int current = entry.versions().size();
    if (current != baseVersion) {
      throw Knowledge.editedMeanwhile(id, baseVersion, current);
    }
    ArticleVersion next = new ArticleVersion(id, current + 1, text, editor, at);
    entry.versions().add(next);
    return next;
  }

  @Override
  public synchronized boolean create(
      ArticleId id, Optional<ArticleId> parent, ArticleText text, String editor, Instant at) {
    if (articles.containsKey(id)) {
      return false;
    }
    if (parent.isPresent() && !articles.containsKey(parent.get())) {
      throw Knowledge.noSuchParent(parent.get());
    }
    List<ArticleVersion> versions = new ArrayList<>();
    versions.add(new ArticleVersion(id, 1, text, editor, at));
    articles.put(id, new Entry(parent, articles.size() + 1, versions));
    return true;
  }
}
