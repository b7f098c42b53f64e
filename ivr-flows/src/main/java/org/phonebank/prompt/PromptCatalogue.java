// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The text of every recorded prompt, per language, from {@code <language>.properties} (UTF-8)
 * beside this class. The text is what the recording says: audio is generated from it, and a
 * simulated phone prints it.
 */
public final class PromptCatalogue {

  private final Map<Language, Properties> texts;

  private PromptCatalogue(Map<Language, Properties> texts) {
    this.texts = texts;
  }

  public static PromptCatalogue load() {
    Map<Language, Properties> texts = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String resource = language.code() + ".properties";
      Properties properties = new Properties();
      try (InputStream in = PromptCatalogue.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Prompt catalogue missing: " + resource);
        }
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      texts.put(language, properties);
    }
    return new PromptCatalogue(texts);
  }

  /** The words of {@code file}; fails loudly for a prompt nobody recorded. */
  public String textOf(PromptFile file) {
    String text = texts.get(file.language()).getProperty(file.name());
    if (text == null) {
      throw new IllegalArgumentException("No such prompt in the catalogue: " + file.id());
    }
    return text;
  }

  public boolean contains(PromptFile file) {
    return texts.get(file.language()).containsKey(file.name());
  }

  /** The words of a whole prompt, its files' texts joined by spaces. */
  public String textOf(Prompt prompt) {
    StringBuilder text = new StringBuilder();
    for (PromptFile file : prompt.files()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(textOf(file));
    }
    return text.toString();
  }

  public Set<String> names(Language language) {
    return texts.get(language).stringPropertyNames();
  }
}
