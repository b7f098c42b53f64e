// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The starting tree shipped with the phone bank ({@value #RESOURCE}), loaded at start by {@link
 * Knowledge#seed}. The file is UTF-8 text, one article per block, parents before children:
 *
 * <pre>
 * [decline-51] declines          the id, then the parent's id (none for a topic)
 * title.en = Insufficient funds (51)
 * title.fa = موجودی کافی نیست (۵۱)
 * body.en = First line.          repeated keys add a line
 * body.fa = ...
 * reasons = money-movement-failed   escalation reasons' keys, space-separated
 * codes = 51                     response codes, space-separated
 * </pre>
 *
 * Lines starting with {@code #} are comments. Every article is checked as an edit would be.
 */
public final class SeedArticles {

  public static final String RESOURCE = "/org/phonebank/knowledge/starting-tree.txt";

  /** One starting article. */
  public record Seed(ArticleId id, Optional<ArticleId> parent, ArticleText text) {}

  private SeedArticles() {}

  /** The shipped starting tree. */
  public static List<Seed> shipped() {
    try (InputStream in = SeedArticles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The starting tree " + RESOURCE + " is missing.");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming the line of a malformed block or an invalid article
   */
  public static List<Seed> parse(String file) {
    List<Seed> seeds = new ArrayList<>();
    String header = null;
    int headerLine = 0;
    Map<String, StringBuilder> fields = new LinkedHashMap<>();
    List<String> lines = file.lines().toList();
    for (int n = 1; n <= lines.size() + 1; n++) {
      String line = n <= lines.size() ? lines.get(n - 1).strip() : "[";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (header != null) {
          seeds.add(seed(header, headerLine, fields));
        }
        header = line;
        headerLine = n;
        fields = new LinkedHashMap<>();
        continue;
      }
      int equals = line.indexOf('=');
      if (header == null || equals < 0) {
        throw new IllegalArgumentException("Line " + n + ": expected 'key = value' in an article.");
      }
      String key = line.substring(0, equals).strip();
      String value = line.substring(equals + 1).strip();
      StringBuilder field = fields.get(key);
      if (field == null) {
        fields.put(key, new StringBuilder(value));
      } else {
        field.append('\n').append(value);
      }
    }
    return seeds;
  }

  private static Seed seed(String header, int line, Map<String, StringBuilder> fields) {
    try {
      int close = header.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("expected '[id] parent'");
      }
      ArticleId id = new ArticleId(header.substring(1, close).strip());
      String parent = header.substring(close + 1).strip();
      return new Seed(
          id,
          parent.isEmpty() ? Optional.empty() : Optional.of(new ArticleId(parent)),
          new ArticleText(
              field(fields, "title.en"),
              field(fields, "title.fa"),
              field(fields, "body.en"),
              field(fields, "body.fa"),
              keys(fields, "reasons"),
              keys(fields, "codes")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Article at line " + line + ": " + e.getMessage(), e);
    }
  }

  private static String field(Map<String, StringBuilder> fields, String key) {
    StringBuilder value = fields.get(key);
    return value == null ? null : value.toString();
  }

  private static List<String> keys(Map<String, StringBuilder> fields, String key) {
    String value = field(fields, key);
    return value == null ? List.of() : Arrays.asList(value.strip().split("\\s+"));
  }
}
