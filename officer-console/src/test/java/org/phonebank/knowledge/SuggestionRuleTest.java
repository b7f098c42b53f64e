// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The screen-pop's suggestions, on the starting tree the phone bank ships. */
class SuggestionRuleTest {

  private final Knowledge knowledge =
      new Knowledge(
          new InMemoryKnowledgeStore(),
          Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

  {
    knowledge.seed(SeedArticles.shipped());
  }

  private List<String> suggested(String reason, List<String> codes) {
    return knowledge.suggest(reason, codes).stream().map(s -> s.article().id().value()).toList();
  }

  @Test
  void aTransferDeclinedWith51SuggestsInsufficientFundsFirst() {
    List<SuggestionRule.Suggestion> suggestions =
        knowledge.suggest("money-movement-failed", List.of("51", "00"));
    assertEquals("decline-51", suggestions.get(0).article().id().value());
    assertEquals("Insufficient funds (51)", suggestions.get(0).article().text().titleEnglish());
    assertEquals("response code 51", suggestions.get(0).because());
    assertEquals("escalation-failed-money-movement", suggestions.get(1).article().id().value());
    assertEquals("escalation reason money-movement-failed", suggestions.get(1).because());
  }

  @Test
  void theLatestRequestsCodeComesBeforeEarlierOnes() {
    assertEquals(
        List.of("decline-61", "decline-51", "escalation-failed-money-movement"),
        suggested("money-movement-failed", List.of("61", "51")));
  }

  @Test
  void approvalsSuggestNothingAndTheReasonDecides() {
    assertEquals(List.of("service-lockout"), suggested("locked-out", List.of("00", "00")));
    assertEquals(List.of("service-card-block"), suggested("card-stolen", List.of()));
  }

  @Test
  void anArticleIsSuggestedOnceForItsFirstCause() {
    List<SuggestionRule.Suggestion> suggestions =
        knowledge.suggest(null, List.of("91", "96", "91"));
    assertEquals(1, suggestions.size());
    assertEquals("response code 91", suggestions.get(0).because());
  }

  @Test
  void atMostFiveAreSuggested() {
    assertEquals(
        SuggestionRule.MAX_SUGGESTIONS,
        suggested("asked", List.of("05", "13", "14", "54", "62", "63", "75")).size());
  }

  @Test
  void nothingKnownSuggestsNothing() {
    assertEquals(List.of(), suggested(null, null));
    assertEquals(List.of(), suggested("no-such-reason", List.of("99")));
  }
}
