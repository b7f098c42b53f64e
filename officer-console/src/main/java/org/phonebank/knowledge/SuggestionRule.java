// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which articles the screen-pop suggests for a caller. The switch's answer says most precisely what
 * went wrong, so articles linked to the call's response codes come first, the latest request's code
 * before earlier ones (a transfer declined with 51 opens "insufficient funds"); then the articles
 * linked to the reason the caller escalated ({@code money-movement-failed}, {@code locked-out}...);
 * an article is suggested once, for its first cause; at most {@value #MAX_SUGGESTIONS}. Approvals
 * ({@code 00}) suggest nothing.
 */
public final class SuggestionRule {

  public static final int MAX_SUGGESTIONS = 5;

  /** An article suggested and why: {@code response code 51} or {@code escalation reason ...}. */
  public record Suggestion(Article article, String because) {}

  private SuggestionRule() {}

  /**
   * @param reason the escalation reason's key, or null
   * @param responseCodes the call's response codes, latest request first
   */
  public static List<Suggestion> suggest(
      KnowledgeTree tree, String reason, List<String> responseCodes) {
    Objects.requireNonNull(tree, "Tree is required.");
    Map<ArticleId, Suggestion> chosen = new LinkedHashMap<>();
    for (String code : Objects.requireNonNullElse(responseCodes, List.<String>of())) {
      if (code == null || "00".equals(code)) {
        continue;
      }
      for (Article article : tree.articles()) {
        if (article.text().responseCodes().contains(code)) {
          chosen.putIfAbsent(article.id(), new Suggestion(article, "response code " + code));
        }
      }
    }
    if (reason != null) {
      for (Article article : tree.articles()) {
        if (article.text().escalationReasons().contains(reason)) {
          chosen.putIfAbsent(article.id(), new Suggestion(article, "escalation reason " + reason));
        }
      }
    }
    List<Suggestion> suggestions = new ArrayList<>(chosen.values());
    return suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()));
  }
}
