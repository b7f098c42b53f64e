// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

  private static ArticleText withBody(String body) {
    return new ArticleText("Title", "عنوان", body, "متن", List.of(), List.of());
  }

  @Test
  void aScriptTagIsRefusedAsMarkupNamingTheField() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> withBody("Hello <script>alert(1)</script>"));
    assertTrue(refused.getMessage().contains("English body"), refused.getMessage());
    assertTrue(refused.getMessage().contains("plain text"), refused.getMessage());
  }

  @Test
  void anyAngleBracketIsRefusedInEveryField() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ArticleText("<b>Title</b>", "عنوان", "Body", "متن", List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ArticleText("Title", "عنوان", "Body", "<img src=x onerror=y>", null, null));
  }

  @Test
  void overLongTitlesAndBodiesAreRefusedWithTheirLength() {
    IllegalArgumentException title =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArticleText("t".repeat(121), "عنوان", "Body", "متن", null, null));
    assertTrue(
        title.getMessage().contains("at most 120 characters, it has 121"), title.getMessage());
    assertThrows(IllegalArgumentException.class, () -> withBody("b".repeat(4001)));
    assertEquals(4000, withBody("b".repeat(4000)).bodyEnglish().length());
  }

  @Test
  void bothLanguagesAreRequired() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ArticleText("Title", " ", "Body", "متن", null, null));
  }

  @Test
  void controlCharactersOtherThanLineBreaksAndTabsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> withBody("bell\u0007"));
    assertEquals("two\nlines\tand a tab", withBody("two\r\nlines\tand a tab").bodyEnglish());
  }

  @Test
  void persianTextWithHalfSpacesIsKeptAsWritten() {
    ArticleText text =
        new ArticleText("Title", "موجودی کافی نیست", "Body", "می\u200cشود", null, null);
    assertEquals("می\u200cشود", text.bodyPersian());
  }

  @Test
  void unknownLinkTargetsAreRefusedListingTheKnownOnes() {
    IllegalArgumentException reason =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArticleText("T", "ع", "B", "م", List.of("bored"), List.of()));
    assertTrue(reason.getMessage().contains("money-movement-failed"), reason.getMessage());
    IllegalArgumentException code =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArticleText("T", "ع", "B", "م", List.of(), List.of("99")));
    assertTrue(code.getMessage().contains("'99'"), code.getMessage());
    assertTrue(code.getMessage().contains("51"), code.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ArticleText("T", "ع", "B", "م", List.of(), List.of("00")));
    IllegalArgumentException hostile =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArticleText("T", "ع", "B", "م", List.of(), List.of("<script>")));
    assertTrue(!hostile.getMessage().contains("<"), "the refusal repeats no markup");
  }

  @Test
  void linksAreSortedWithoutRepeatsOrBlanks() {
    ArticleText text =
        new ArticleText(
            "T", "ع", "B", "م", List.of("locked-out", "asked", "asked"), List.of("91", " ", "68"));
    assertEquals(List.of("asked", "locked-out"), text.escalationReasons());
    assertEquals(List.of("68", "91"), text.responseCodes());
  }
}
