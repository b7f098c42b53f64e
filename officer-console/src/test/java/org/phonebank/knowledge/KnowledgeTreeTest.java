// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnowledgeTreeTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private static Article article(String id, String parent, int order, ArticleText text) {
    return new Article(
        new ArticleId(id),
        Optional.ofNullable(parent).map(ArticleId::new),
        order,
        new ArticleVersion(new ArticleId(id), 1, text, "seed", NOW));
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(a -> a.id().value()).toList();
  }

  private final KnowledgeTree tree =
      new KnowledgeTree(
          List.of(
              article("declines", null, 1, Articles.text("Declines")),
              article(
                  "decline-55",
                  "declines",
                  3,
                  new ArticleText(
                      "Incorrect PIN",
                      "رمز نادرست",
                      "Three wrong PINs lock the card; the funds are not touched.",
                      "سه بار رمز نادرست کارت را قفل می‌کند.",
                      List.of(),
                      List.of("55"))),
              article(
                  "decline-51",
                  "declines",
                  2,
                  new ArticleText(
                      "Insufficient funds",
                      "موجودی کافی نیست",
                      "Nothing was taken from the account.",
                      "هیچ مبلغی کسر نشده است؛ مبلغ کمتری را امتحان کنید.",
                      List.of(),
                      List.of("51"))),
              article("services", null, 4, Articles.text("Services")),
              article("lost", "no-such-topic", 5, Articles.text("Lost parent"))));

  @Test
  void theOutlineNestsArticlesUnderTheirParentsInOrder() {
    List<KnowledgeTree.Node> outline = tree.outline();
    assertEquals(
        List.of("declines", "services", "lost"),
        outline.stream().map(n -> n.article().id().value()).toList());
    assertEquals(
        List.of("decline-51", "decline-55"),
        outline.get(0).children().stream().map(n -> n.article().id().value()).toList());
  }

  @Test
  void aSearchFindsEveryWordInEitherLanguageTitlesFirst() {
    assertEquals(List.of("decline-51", "decline-55"), ids(tree.search("funds")));
    assertEquals(List.of("decline-51"), ids(tree.search("INSUFFICIENT funds")));
    assertEquals(List.of("decline-51"), ids(tree.search("موجودی")));
    assertEquals(List.of(), ids(tree.search("funds bananas")));
    assertEquals(List.of(), ids(tree.search("   ")));
  }

  @Test
  void persianSearchMatchesArabicKeyboardLettersDigitsAndHalfSpaces() {
    // Arabic yeh and kaf, as an Arabic keyboard layout types them.
    assertEquals(List.of("decline-51"), ids(tree.search("موجودي كافي")));
    assertEquals(List.of("decline-55"), ids(tree.search("می کند")));
    assertEquals(List.of("decline-51"), ids(tree.search("۵۱")));
  }

  @Test
  void aResponseCodeFindsTheArticlesLinkedToIt() {
    assertEquals(List.of("decline-55"), ids(tree.search("55")));
  }

  @Test
  void anOverLongQueryIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> tree.search("x".repeat(101)));
  }
}
