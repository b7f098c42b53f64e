// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's refusals, as the pages show them. */
class KnowledgeTest {

  private final InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
  private final Knowledge knowledge =
      new Knowledge(store, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void anEditWithMarkupIsRefusedAsBadInputAndNothingIsStored() {
    knowledge.seed(SeedArticles.shipped());
    KnowledgeRefusal refused =
        assertThrows(
            KnowledgeRefusal.class,
            () ->
                knowledge.edit(
                    "supervisor",
                    "decline-51",
                    1,
                    Knowledge.text(
                        "Insufficient funds",
                        "موجودی کافی نیست",
                        "<script>alert(1)</script>",
                        "متن",
                        List.of(),
                        List.of("51"))));
    assertEquals(KnowledgeRefusal.Kind.BAD_INPUT, refused.kind());
    assertEquals(
        KnowledgeRefusal.Kind.BAD_INPUT,
        assertThrows(
                KnowledgeRefusal.class,
                () -> knowledge.edit("supervisor", "decline-51", 0, Articles.text("No base")))
            .kind());
    assertEquals(1, knowledge.history("decline-51").size());
  }

  @Test
  void anUnknownResponseCodeLinkIsBadInput() {
    KnowledgeRefusal refused =
        assertThrows(
            KnowledgeRefusal.class,
            () -> Knowledge.text("T", "ع", "B", "م", List.of(), List.of("42")));
    assertEquals(KnowledgeRefusal.Kind.BAD_INPUT, refused.kind());
    assertTrue(refused.getMessage().contains("Unknown response code '42'"), refused.getMessage());
  }

  @Test
  void aMalformedIdOrAnUnknownArticleIsRefused() {
    assertEquals(
        KnowledgeRefusal.Kind.BAD_INPUT,
        assertThrows(KnowledgeRefusal.class, () -> knowledge.history("../etc")).kind());
    assertEquals(
        KnowledgeRefusal.Kind.NOT_FOUND,
        assertThrows(KnowledgeRefusal.class, () -> knowledge.history("nowhere")).kind());
  }

  @Test
  void aNewArticleGoesUnderItsParentAndATakenIdIsAConflict() {
    knowledge.seed(SeedArticles.shipped());
    ArticleVersion created =
        knowledge.create("supervisor", "service-cheque-book", "services", Articles.text("Cheques"));
    assertEquals(1, created.version());
    assertEquals("supervisor", created.editedBy());
    KnowledgeTree.Node services =
        knowledge.tree().outline().stream()
            .filter(node -> node.article().id().value().equals("services"))
            .findFirst()
            .orElseThrow();
    List<KnowledgeTree.Node> children = services.children();
    assertEquals("service-cheque-book", children.get(children.size() - 1).article().id().value());
    assertEquals(
        KnowledgeRefusal.Kind.CONFLICT,
        assertThrows(
                KnowledgeRefusal.class,
                () ->
                    knowledge.create(
                        "supervisor", "service-cheque-book", null, Articles.text("Again")))
            .kind());
  }

  @Test
  void anOverLongSearchIsBadInput() {
    assertEquals(
        KnowledgeRefusal.Kind.BAD_INPUT,
        assertThrows(KnowledgeRefusal.class, () -> knowledge.search("q".repeat(101))).kind());
  }
}
