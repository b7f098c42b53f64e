// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.phonebank.prompt.espeak.EspeakCommand;

/** Speaks each prompt with {@link EspeakCommand}, the same voices the calls' spoken names use. */
final class EspeakSpeaker implements Speaker {

  /** A long prompt on a loaded machine; only a hung program is cut off. */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final EspeakCommand espeak;

  EspeakSpeaker(String espeak, String sox) {
    this.espeak = new EspeakCommand(espeak, sox, TIMEOUT);
  }

  @Override
  public String voiceOf(String languageCode) {
    return espeak.voiceOf(languageCode);
  }

  @Override
  public void speak(String languageCode, String text, Path wav) throws IOException {
    espeak.speak(languageCode, text, wav);
  }
}
