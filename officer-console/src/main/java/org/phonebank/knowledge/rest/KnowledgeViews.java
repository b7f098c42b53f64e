// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge.rest;

import java.util.List;
import org.phonebank.knowledge.Article;
import org.phonebank.knowledge.ArticleText;
import org.phonebank.knowledge.ArticleVersion;
import org.phonebank.knowledge.KnowledgeTree;
import org.phonebank.knowledge.SuggestionRule;

/** The knowledge tree as the pages receive it (JSON); every text is put on a page as text. */
public final class KnowledgeViews {

  private KnowledgeViews() {}

  /** A link target a supervisor may choose: its key and words. */
  public record Target(String key, String words) {}

  /**
   * The tree page's start: the outline, whether this user may edit, and the link targets an article
   * may name.
   */
  public record TreeView(
      boolean mayEdit, List<Node> topics, List<Target> escalationReasons, List<Target> codes) {}

  /** One article in the outline. */
  public record Node(
      String id, String titleEnglish, String titlePersian, int version, List<Node> children) {}

  /** A search hit or a suggestion ({@code because}: why suggested; null for a search hit). */
  public record Hit(String id, String titleEnglish, String titlePersian, String because) {}

  /** One version of an article with all its text. */
  public record Version(
      int version,
      String titleEnglish,
      String titlePersian,
      String bodyEnglish,
      String bodyPersian,
      List<String> escalationReasons,
      List<String> responseCodes,
      String editedBy,
      String editedAt) {}

  /** An article: its place, its current version, and every version, oldest first. */
  public record ArticleView(String id, Version current, List<Version> history) {}

  static List<Node> outline(List<KnowledgeTree.Node> nodes) {
    return nodes.stream()
        .map(
            node ->
                new Node(
                    node.article().id().value(),
                    node.article().text().titleEnglish(),
                    node.article().text().titlePersian(),
                    node.article().current().version(),
                    outline(node.children())))
        .toList();
  }

  static Hit hit(Article article) {
    return new Hit(
        article.id().value(), article.text().titleEnglish(), article.text().titlePersian(), null);
  }

  static Hit hit(SuggestionRule.Suggestion suggestion) {
    Article article = suggestion.article();
    return new Hit(
        article.id().value(),
        article.text().titleEnglish(),
        article.text().titlePersian(),
        suggestion.because());
  }

  static ArticleView article(List<ArticleVersion> history) {
    List<Version> versions = history.stream().map(KnowledgeViews::version).toList();
    return new ArticleView(
        history.get(0).id().value(), versions.get(versions.size() - 1), versions);
  }

  private static Version version(ArticleVersion version) {
    ArticleText text = version.text();
    return new Version(
        version.version(),
        text.titleEnglish(),
        text.titlePersian(),
        text.bodyEnglish(),
        text.bodyPersian(),
        text.escalationReasons(),
        text.responseCodes(),
        version.editedBy(),
        version.editedAt().toString());
  }
}
