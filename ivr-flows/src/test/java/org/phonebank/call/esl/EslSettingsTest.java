// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EslSettingsTest {

  @Test
  void defaultsListenWhereTheDialplanSnippetPoints() {
    EslSettings settings = EslSettings.defaults();
    assertEquals("127.0.0.1", settings.host());
    assertEquals(8084, settings.port());
    assertEquals("/var/lib/phonebank/prompts", settings.promptDirectory());
    assertEquals("wav", settings.audioExtension());
    assertEquals(Duration.ofSeconds(120), settings.commandTimeout());
  }

  @Test
  void everyKeyCanBeOverridden() {
    Map<String, String> given =
        Map.of(
            "phonebank.esl.host", "0.0.0.0",
            "phonebank.esl.port", " 9084 ",
            "phonebank.esl.prompt-dir", "/opt/prompts",
            "phonebank.esl.audio-extension", "sln16",
            "phonebank.esl.command-timeout-seconds", "30");
    EslSettings settings = EslSettings.from(key -> Optional.ofNullable(given.get(key)));
    assertEquals(
        new EslSettings("0.0.0.0", 9084, "/opt/prompts", "sln16", Duration.ofSeconds(30)),
        settings);
  }

  @Test
  void promptDirectoryWithASpaceIsRefusedSinceFreeSwitchSplitsArgumentsOnSpaces() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EslSettings(
                "127.0.0.1", 8084, "/var/lib/phone bank", "wav", Duration.ofSeconds(60)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EslSettings("127.0.0.1", 8084, "/p!q", "wav", Duration.ofSeconds(60)));
  }

  @Test
  void portThatIsNotANumberIsNamedInTheError() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EslSettings.from(
                    key ->
                        key.equals("phonebank.esl.port")
                            ? Optional.of("eighty")
                            : Optional.empty()));
    assertTrue(refused.getMessage().contains("phonebank.esl.port"));
  }
}
