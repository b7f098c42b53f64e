// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Clock;
import java.util.Objects;
import org.phonebank.callpath.CallPaths;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.prompt.NameVoice;

/**
 * What the call flows need from the rest of the phone bank: the journalled switch, the durable PIN
 * lockouts, the store of call paths, the clock that stamps them (and decides which day a statement
 * date falls in), and the voice that speaks holders' names.
 */
public record CallServices(
    JournalledSwitch bank,
    CardLockouts lockouts,
    CallPaths callPaths,
    Clock clock,
    NameVoice nameVoice) {

  public CallServices {
    Objects.requireNonNull(bank, "Journalled switch is required.");
    Objects.requireNonNull(lockouts, "Card lockouts are required.");
    Objects.requireNonNull(callPaths, "Call paths are required.");
    Objects.requireNonNull(clock, "Clock is required.");
    Objects.requireNonNull(nameVoice, "Name voice is required.");
  }

  /** Services whose holders' names are spelled letter by letter. */
  public CallServices(
      JournalledSwitch bank, CardLockouts lockouts, CallPaths callPaths, Clock clock) {
    this(bank, lockouts, callPaths, clock, NameVoice.LETTERS_ONLY);
  }
}
