// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.util.Objects;

/**
 * What the caller keyed in answer to a {@link DigitCollection}: the keys pressed (terminator
 * removed) and how the entry ended. The keys are not validated here; that is the flow's business.
 * Every ending with keys keeps them, so a flow never says "we did not receive your entry" to a
 * caller who keyed something.
 */
public record KeypadEntry(Ending ending, String keys) {

  /**
   * How a digit collection ended, named after what the caller did. The FreeSWITCH outcome behind
   * each is in docs/freeswitch-behaviour.md.
   */
  public enum Ending {
    /** Keys, then the terminator {@code #}. */
    TERMINATED,
    /** As many keys as the question takes; collection stopped there. */
    FULL,
    /** At least the fewest keys the question takes, then the caller stopped without {@code #}. */
    PAUSED,
    /** Fewer keys than the question takes. */
    TOO_FEW,
    /** Keys the telephony switch's own pattern refused. */
    REFUSED,
    /** The terminator {@code #} alone. */
    HASH_ONLY,
    /** No key at all before the timeout. */
    NOTHING;

    /** True when the caller keyed at least one digit or star. */
    public boolean keyed() {
      return this != HASH_ONLY && this != NOTHING;
    }
  }

  public KeypadEntry {
    Objects.requireNonNull(ending, "Ending is required.");
    Objects.requireNonNull(keys, "Keys are required (empty when nothing was entered).");
    if (ending.keyed() == keys.isEmpty()) {
      throw new IllegalArgumentException(
          "An entry ended " + ending + " must " + (ending.keyed() ? "" : "not ") + "hold keys.");
    }
  }

  /** Keys ended by {@code #}; no keys at all is {@link #noInput()}. */
  public static KeypadEntry of(String keys) {
    return keys.isEmpty() ? noInput() : new KeypadEntry(Ending.TERMINATED, keys);
  }

  public static KeypadEntry noInput() {
    return new KeypadEntry(Ending.NOTHING, "");
  }

  public static KeypadEntry hashOnly() {
    return new KeypadEntry(Ending.HASH_ONLY, "");
  }

  /** True when the caller keyed at least one digit or star, however the entry ended. */
  public boolean entered() {
    return ending.keyed();
  }

  @Override
  public String toString() {
    // Card numbers pass through here: say how many keys, never which.
    return "KeypadEntry[" + ending + (entered() ? ", " + keys.length() + " keys]" : "]");
  }
}
