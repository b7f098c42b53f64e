// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The knowledge tree as the consoles use it: officers and supervisors browse, search and are
 * suggested articles; supervisors edit (each edit a new version) and add articles. Every refusal is
 * a {@link KnowledgeRefusal} with a message fit for the page.
 */
public final class Knowledge {

  /** Who wrote the starting tree's versions. */
  public static final String SEED_EDITOR = "seed";

  private final KnowledgeStore store;
  private final Clock clock;

  public Knowledge(KnowledgeStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "Knowledge store is required.");
    this.clock = Objects.requireNonNull(clock, "Clock is required.");
  }

  public KnowledgeTree tree() {
    return new KnowledgeTree(store.current());
  }

  public List<Article> search(String query) {
    return badInput(() -> tree().search(Objects.requireNonNullElse(query, "")));
  }

  /**
   * @param reason the escalation reason's key, or null
   * @param responseCodes latest request's first
   */
  public List<SuggestionRule.Suggestion> suggest(String reason, List<String> responseCodes) {
    return SuggestionRule.suggest(tree(), reason, responseCodes);
  }

  /** An article and every version of it, oldest first. */
  public List<ArticleVersion> history(String id) {
    List<ArticleVersion> versions = store.history(id(id));
    if (versions.isEmpty()) {
      throw new KnowledgeRefusal(KnowledgeRefusal.Kind.NOT_FOUND, "No article " + id + ".");
    }
    return versions;
  }

  /** Adds the next version of article {@code id}, made on {@code baseVersion}. */
  public ArticleVersion edit(String editor, String id, int baseVersion, ArticleText text) {
    if (baseVersion < 1) {
      throw new KnowledgeRefusal(
          KnowledgeRefusal.Kind.BAD_INPUT, "An edit names the version it was made on (1 or more).");
    }
    return store.addVersion(id(id), baseVersion, text, editor(editor), clock.instant());
  }

  /** Adds article {@code id} under {@code parent} (null or blank: a topic) as its version 1. */
  public ArticleVersion create(String editor, String id, String parent, ArticleText text) {
    ArticleId article = id(id);
    Optional<ArticleId> under =
        parent == null || parent.isBlank() ? Optional.empty() : Optional.of(id(parent));
    if (!store.create(article, under, text, editor(editor), clock.instant())) {
      throw new KnowledgeRefusal(
          KnowledgeRefusal.Kind.CONFLICT, "An article with id " + article + " exists already.");
    }
    return store.history(article).get(0);
  }

  /**
   * Adds each starting article that is not there yet; an article already there, edited or not, is
   * left as it is. Safe to repeat at every start and on several nodes at once.
   *
   * @return how many were added
   */
  public int seed(List<SeedArticles.Seed> seeds) {
    int added = 0;
    for (SeedArticles.Seed seed : seeds) {
      if (store.create(seed.id(), seed.parent(), seed.text(), SEED_EDITOR, clock.instant())) {
        added++;
      }
    }
    return added;
  }

  /** The text of an edit, or a refusal naming what is wrong with it. */
  public static ArticleText text(
      String titleEnglish,
      String titlePersian,
      String bodyEnglish,
      String bodyPersian,
      List<String> escalationReasons,
      List<String> responseCodes) {
    return badInput(
        () ->
            new ArticleText(
                titleEnglish,
                titlePersian,
                bodyEnglish,
                bodyPersian,
                escalationReasons,
                responseCodes));
  }

  /** The refusal of an edit made on a version that is no longer the current one. */
  public static KnowledgeRefusal editedMeanwhile(ArticleId id, int baseVersion, int current) {
    return new KnowledgeRefusal(
        KnowledgeRefusal.Kind.CONFLICT,
        "Article "
            + id
            + " was edited meanwhile (version "
            + current
            + ", your edit was made on version "
            + baseVersion
            + "): reload it, nothing of either edit is lost.");
  }

  /** The refusal of an article under a parent that does not exist. */
  public static KnowledgeRefusal noSuchParent(ArticleId parent) {
    return new KnowledgeRefusal(
        KnowledgeRefusal.Kind.BAD_INPUT, "No article " + parent + " to put it under.");
  }

  private static ArticleId id(String id) {
    return badInput(() -> new ArticleId(Objects.requireNonNullElse(id, "")));
  }

  private static String editor(String editor) {
    if (editor == null || editor.isBlank() || editor.length() > 64) {
      throw new KnowledgeRefusal(KnowledgeRefusal.Kind.BAD_INPUT, "An editor's name is required.");
    }
    return editor;
  }

  private static <T> T badInput(Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw new KnowledgeRefusal(KnowledgeRefusal.Kind.BAD_INPUT, e.getMessage());
    }
  }
}
