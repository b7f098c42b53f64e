// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.file.Path;

/** Turns one prompt's text into a telephony WAV file: 8 kHz, mono, 16-bit PCM. */
interface Speaker {

  /**
   * What identifies the voice and settings; part of each file's manifest hash, so a new voice
   * regenerates every file.
   */
  String voiceOf(String languageCode);

  /** Writes {@code text} spoken in {@code languageCode} to {@code wav}, replacing it. */
  void speak(String languageCode, String text, Path wav) throws IOException;
}
