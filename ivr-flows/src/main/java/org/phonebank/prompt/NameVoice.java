// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.prompt;

import java.util.Optional;

/**
 * Speaks a holder's name as a name, the way a bank's IVR is expected to, rather than letter by
 * letter. The recording is short-lived: the caller closes it once the read-back has been heard.
 */
public interface NameVoice {

  /** No synthesis: every name is spelled letter by letter. */
  NameVoice LETTERS_ONLY = (name, language) -> Optional.empty();

  /**
   * A recording of {@code name} (already in {@link PersianText} form) to play in a call in {@code
   * language}; empty when it cannot be made, and the name is then spelled instead.
   */
  Optional<SpokenName> speak(String name, Language language);
}
