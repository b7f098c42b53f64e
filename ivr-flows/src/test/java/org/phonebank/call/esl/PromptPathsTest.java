// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

class PromptPathsTest {

  private final PromptPaths paths =
      new PromptPaths(
          new EslSettings(
              "127.0.0.1",
              0,
              "/srv/prompts/",
              "wav",
              Duration.ofSeconds(5),
              EslPeers.localWith(EslServerWireTest.SECRET)));

  @Test
  void oneFileIsItsPathUnderTheLanguageFolder() {
    assertEquals("/srv/prompts/fa/welcome.wav", paths.of(Prompt.of(Language.PERSIAN, "welcome")));
  }

  @Test
  void severalFilesBecomeAFileStringList() {
    assertEquals(
        "file_string:///srv/prompts/en/balance-is.wav!/srv/prompts/en/number-7.wav!/srv/prompts/en/rials.wav",
        paths.of(Prompt.of(Language.ENGLISH, "balance-is", "number-7", "rials")));
  }
}
