// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.phonebank.escalation.OfficerStatus;
import org.phonebank.officer.desk.WrapUpCode;

/**
 * The pages' message catalogues (webapp {@code i18n/<language>.json}) against the pages: every key
 * a page or script names exists in Persian and in English, so no page shows a bare key.
 */
class MessageCataloguesTest {

  private static final Path WEBAPP = Path.of("src", "main", "webapp");
  private static final Pattern CATALOGUE_KEY = Pattern.compile("(?m)^\\s*\"([^\"]+)\"\\s*:");
  private static final Pattern PAGE_KEY = Pattern.compile("data-i18n(?:-title)?=\"([^\"]+)\"");
  private static final Pattern SCRIPT_KEY = Pattern.compile("I18n\\.t\\('([^']+)'\\s*[,)]");

  /**
   * Persian has every English key, and more: the words of codes (path steps, reasons, request types
   * and states, call endings) come in English from the server and in Persian from here.
   */
  @Test
  void persianHasEveryEnglishKey() throws IOException {
    Set<String> missing = new TreeSet<>(keys("en"));
    missing.removeAll(keys("fa"));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyKeyAPageOrScriptNamesIsInBothCatalogues() throws IOException {
    Set<String> named = new TreeSet<>();
    // The pages in the web module's root and in its folders (the back office's).
    try (Stream<Path> files = Files.walk(WEBAPP, 2)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
          named.addAll(matches(PAGE_KEY, file));
        } else if (name.endsWith(".js")) {
          named.addAll(matches(SCRIPT_KEY, file));
        }
      }
    }
    for (OfficerStatus status : OfficerStatus.values()) {
      named.add("state." + status.name());
    }
    for (WrapUpCode code : WrapUpCode.values()) {
      named.add("wrap." + code.name());
    }
    assertTrue(named.size() > 50, "the pages' keys were found: " + named);
    for (String language : new String[] {"en", "fa"}) {
      Set<String> missing = new TreeSet<>(named);
      missing.removeAll(keys(language));
      assertEquals(Set.of(), missing, "missing in " + language);
    }
  }

  private static Set<String> keys(String language) throws IOException {
    return matches(CATALOGUE_KEY, WEBAPP.resolve("i18n").resolve(language + ".json"));
  }

  private static Set<String> matches(Pattern pattern, Path file) throws IOException {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
