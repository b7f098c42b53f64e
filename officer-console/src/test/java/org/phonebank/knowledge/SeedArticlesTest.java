// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.officer.desk.ResponseCodeWords;

/** The starting tree covers every service, decline code and escalation reason the bank has. */
class SeedArticlesTest {

  private final List<SeedArticles.Seed> seeds = SeedArticles.shipped();

  @Test
  void everyDeclineCodeTheSwitchLinkKnowsHasAnArticle() {
    Set<String> linked = new HashSet<>();
    seeds.forEach(seed -> linked.addAll(seed.text().responseCodes()));
    assertEquals(Set.copyOf(ResponseCodeWords.declineCodes()), linked);
  }

  @Test
  void everyEscalationReasonHasAnArticle() {
    Set<String> linked = new HashSet<>();
    seeds.forEach(seed -> linked.addAll(seed.text().escalationReasons()));
    for (EscalationReason reason : EscalationReason.values()) {
      assertTrue(linked.contains(reason.key()), reason.key());
    }
  }

  @Test
  void everyServiceOfThePhoneBankHasAnArticle() {
    Set<String> ids = new HashSet<>();
    seeds.forEach(seed -> ids.add(seed.id().value()));
    for (String service :
        List.of(
            "service-balance",
            "service-last-transactions",
            "service-card-to-card",
            "service-own-account-transfer",
            "service-bill-payment",
            "service-card-block",
            "service-pin-change",
            "service-lockout",
            "service-callback")) {
      assertTrue(ids.contains(service), service);
    }
  }

  @Test
  void idsAreUniqueAndParentsComeFirst() {
    List<ArticleId> seen = new ArrayList<>();
    for (SeedArticles.Seed seed : seeds) {
      assertTrue(!seen.contains(seed.id()), "repeated " + seed.id());
      seed.parent().ifPresent(parent -> assertTrue(seen.contains(parent), seed.id() + " first"));
      seen.add(seed.id());
    }
  }

  @Test
  void multiLineBodiesAndCommentsAreRead() {
    List<SeedArticles.Seed> parsed =
        SeedArticles.parse(
            "# a comment\n[topic]\ntitle.en = Topic\ntitle.fa = موضوع\nbody.en = One\n"
                + "body.en = Two\nbody.fa = یک\n\n[child] topic\ntitle.en = C\ntitle.fa = ف\n"
                + "body.en = B\nbody.fa = م\ncodes = 51 55\nreasons = asked\n");
    assertEquals(2, parsed.size());
    assertEquals("One\nTwo", parsed.get(0).text().bodyEnglish());
    assertEquals(List.of("51", "55"), parsed.get(1).text().responseCodes());
    assertEquals("topic", parsed.get(1).parent().orElseThrow().value());
  }

  @Test
  void aBrokenArticleIsReportedWithItsLine() {
    IllegalArgumentException broken =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SeedArticles.parse(
                    "[a]\ntitle.en = A\ntitle.fa = ا\nbody.en = <b>\nbody.fa = م\n"));
    assertTrue(broken.getMessage().startsWith("Article at line 1:"), broken.getMessage());
  }
}
