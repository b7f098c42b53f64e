// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every knowledge store keeps: versions only added, the current the latest, an edit on a stale
 * version refused, creation idempotent. Run on memory, Derby and PostgreSQL.
 */
public abstract class KnowledgeStoreContract {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  protected abstract KnowledgeStore store();

  private final ArticleId topic = new ArticleId("declines-" + System.nanoTime());
  private final ArticleId funds = new ArticleId("decline-51-" + System.nanoTime());

  private Knowledge knowledge() {
    return new Knowledge(store(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void createFunds(KnowledgeStore store) {
    assertTrue(store.create(topic, Optional.empty(), Articles.text("Declines"), "seed", NOW));
    assertTrue(
        store.create(
            funds,
            Optional.of(topic),
            Articles.text("Insufficient funds", List.of(), List.of("51")),
            "seed",
            NOW));
  }

  @Test
  void anEditAddsTheNextVersionAndKeepsEveryEarlierOne() {
    KnowledgeStore store = store();
    createFunds(store);

    ArticleText better =
        new ArticleText(
            "Insufficient funds (51)",
            "موجودی کافی نیست (۵۱)",
            "Nothing was taken.\nSuggest a smaller amount.",
            "مبلغی کسر نشده است.",
            List.of("money-movement-failed"),
            List.of("51", "61"));
    ArticleVersion second = store.addVersion(funds, 1, better, "supervisor", NOW.plusSeconds(60));

    assertEquals(2, second.version());
    List<ArticleVersion> history = store.history(funds);
    assertEquals(List.of(1, 2), history.stream().map(ArticleVersion::version).toList());
    assertEquals("Insufficient funds", history.get(0).text().titleEnglish());
    assertEquals("seed", history.get(0).editedBy());
    assertEquals(better, history.get(1).text());
    assertEquals("supervisor", history.get(1).editedBy());
    assertEquals(NOW.plusSeconds(60), history.get(1).editedAt());
    Article current =
        store.current().stream().filter(a -> a.id().equals(funds)).findFirst().orElseThrow();
    assertEquals(2, current.current().version());
    assertEquals(better, current.text());
    assertEquals(Optional.of(topic), current.parent());
  }

  @Test
  void anEditMadeOnAnOlderVersionIsRefusedAndNothingIsOverwritten() {
    KnowledgeStore store = store();
    createFunds(store);
    store.addVersion(funds, 1, Articles.text("First editor's"), "alice", NOW);

    KnowledgeRefusal refused =
        assertThrows(
            KnowledgeRefusal.class,
            () -> store.addVersion(funds, 1, Articles.text("Second editor's"), "bob", NOW));

    assertEquals(KnowledgeRefusal.Kind.CONFLICT, refused.kind());
    assertEquals(
        List.of("Insufficient funds", "First editor's"),
        store.history(funds).stream().map(v -> v.text().titleEnglish()).toList());
  }

  @Test
  void anEditOfNoSuchArticleIsNotFound() {
    KnowledgeRefusal refused =
        assertThrows(
            KnowledgeRefusal.class,
            () -> store().addVersion(new ArticleId("nowhere"), 1, Articles.text("X"), "a", NOW));
    assertEquals(KnowledgeRefusal.Kind.NOT_FOUND, refused.kind());
    assertEquals(List.of(), store().history(new ArticleId("nowhere")));
  }

  @Test
  void creatingAnExistingArticleChangesNothing() {
    KnowledgeStore store = store();
    createFunds(store);
    store.addVersion(funds, 1, Articles.text("Edited"), "alice", NOW);

    assertFalse(store.create(funds, Optional.empty(), Articles.text("Seed again"), "seed", NOW));

    assertEquals(2, store.history(funds).size());
    assertEquals("Edited", store.history(funds).get(1).text().titleEnglish());
  }

  @Test
  void anArticleUnderNoSuchParentIsRefusedAndNotStored() {
    ArticleId orphan = new ArticleId("orphan-" + System.nanoTime());
    KnowledgeRefusal refused =
        assertThrows(
            KnowledgeRefusal.class,
            () ->
                store()
                    .create(
                        orphan,
                        Optional.of(new ArticleId("no-such-parent")),
                        Articles.text("Orphan"),
                        "a",
                        NOW));
    assertEquals(KnowledgeRefusal.Kind.BAD_INPUT, refused.kind());
    assertEquals(List.of(), store().history(orphan));
  }

  @Test
  void seedingTwiceAddsEachStartingArticleOnceAndKeepsEdits() {
    Knowledge knowledge = knowledge();
    List<SeedArticles.Seed> seeds = SeedArticles.shipped();
    int before = store().current().size();

    int added = knowledge.seed(seeds);
    knowledge.edit(
        "supervisor",
        "decline-51",
        1,
        Articles.text("Edited by a supervisor", List.of(), List.of("51")));

    assertEquals(seeds.size(), added);
    assertEquals(0, knowledge.seed(seeds));
    assertEquals(before + added, store().current().size());
    assertEquals(
        "Edited by a supervisor", knowledge.history("decline-51").get(1).text().titleEnglish());
    assertTrue(
        knowledge.suggest("money-movement-failed", List.of("51")).stream()
            .anyMatch(
                s ->
                    s.article().id().value().equals("decline-51")
                        && s.article().text().titleEnglish().equals("Edited by a supervisor")),
        "the edited article is suggested in its current version");
  }

  @Test
  void theStoredTreeKeepsItsOrderAndParents() {
    KnowledgeStore store = store();
    createFunds(store);
    ArticleId second = new ArticleId("decline-55-" + System.nanoTime());
    store.create(second, Optional.of(topic), Articles.text("Incorrect PIN"), "seed", NOW);

    KnowledgeTree tree = new KnowledgeTree(store.current());
    KnowledgeTree.Node declines =
        tree.outline().stream()
            .filter(node -> node.article().id().equals(topic))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(funds, second), declines.children().stream().map(n -> n.article().id()).toList());
  }
}
