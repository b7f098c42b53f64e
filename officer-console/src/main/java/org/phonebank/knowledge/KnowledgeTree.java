// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The articles as officers browse and search them: each under its parent, siblings in their order.
 * An article whose parent is missing is shown as a topic of its own rather than lost.
 */
public final class KnowledgeTree {

  /** Search results at most. */
  public static final int MAX_HITS = 20;

  /** Search queries longer than this are refused (a query is a few words). */
  public static final int MAX_QUERY = 100;

  /** One article and the articles under it. */
  public record Node(Article article, List<Node> children) {}

  private final Map<ArticleId, Article> byId = new LinkedHashMap<>();

  public KnowledgeTree(List<Article> articles) {
    articles.stream()
        .sorted(Comparator.comparingInt(Article::order).thenComparing(a -> a.id().value()))
        .forEach(article -> byId.put(article.id(), article));
  }

  public Optional<Article> article(ArticleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Article> articles() {
    return List.copyOf(byId.values());
  }

  /** The top-level topics with everything under them, in order. */
  public List<Node> outline() {
    List<Node> roots = new ArrayList<>();
    for (Article article : byId.values()) {
      if (article.parent().map(byId::containsKey).orElse(false)) {
        continue;
      }
      roots.add(node(article, new ArrayList<>()));
    }
    return roots;
  }

  private Node node(Article article, List<ArticleId> above) {
    above.add(article.id());
    List<Node> children = new ArrayList<>();
    for (Article child : byId.values()) {
      // A cycle (impossible through the store, which fixes a parent at creation) is cut.
      if (child.parent().filter(article.id()::equals).isPresent() && !above.contains(child.id())) {
        children.add(node(child, above));
      }
    }
    above.remove(article.id());
    return new Node(article, children);
  }

  /**
   * The articles containing every word of {@code query} in a title or body of either language
   * ({@link Search#fold}: case, Arabic and Persian letters and digits alike), or linked to the
   * response code the query names; those with all words in a title first, then in tree order; at
   * most {@value #MAX_HITS}. A blank query finds nothing.
   *
   * @throws IllegalArgumentException for a query over {@value #MAX_QUERY} characters
   */
  public List<Article> search(String query) {
    Objects.requireNonNull(query, "Query is required.");
    if (query.length() > MAX_QUERY) {
      throw new IllegalArgumentException(
          "A search is at most " + MAX_QUERY + " characters (" + query.length() + " given).");
    }
    List<String> words = Search.words(query);
    if (words.isEmpty()) {
      return List.of();
    }
    List<Article> inTitle = new ArrayList<>();
    List<Article> elsewhere = new ArrayList<>();
    for (Article article : byId.values()) {
      ArticleText text = article.text();
      if (words.stream().allMatch(text::titleMentions)) {
        inTitle.add(article);
      } else if (words.stream()
          .allMatch(word -> text.mentions(word) || text.responseCodes().contains(word))) {
        elsewhere.add(article);
      }
    }
    inTitle.addAll(elsewhere);
    return inTitle.subList(0, Math.min(MAX_HITS, inTitle.size()));
  }
}
