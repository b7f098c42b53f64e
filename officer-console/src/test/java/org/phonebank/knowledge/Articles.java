// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.List;

/** Article texts for tests. */
final class Articles {

  private Articles() {}

  static ArticleText text(String titleEnglish, List<String> reasons, List<String> codes) {
    return new ArticleText(
        titleEnglish,
        "عنوان " + titleEnglish,
        "Body of " + titleEnglish + ".",
        "متن " + titleEnglish,
        reasons,
        codes);
  }

  static ArticleText text(String titleEnglish) {
    return text(titleEnglish, List.of(), List.of());
  }
}
