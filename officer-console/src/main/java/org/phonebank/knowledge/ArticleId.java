// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An article's stable id, also its address on the tree page ({@code knowledge.html#decline-51}): 1
 * to 64 lower-case letters, digits and dashes, starting with a letter or digit.
 */
public record ArticleId(String value) {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public ArticleId {
    Objects.requireNonNull(value, "Article id is required.");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "An article id is 1 to 64 lower-case letters, digits and dashes (e.g. decline-51).");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
