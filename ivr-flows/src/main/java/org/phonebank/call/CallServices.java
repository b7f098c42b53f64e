// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Clock;
import java.util.Objects;
import org.phonebank.callpath.CallPaths;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.lockout.CardLockouts;

/**
 * What the call flows need from the rest of the phone bank: the journalled switch, the durable PIN
 * lockouts, the store of call paths, and the clock that stamps them (and decides which day a
 * statement date falls in).
 */
public record CallServices(
    JournalledSwitch bank, CardLockouts lockouts, CallPaths callPaths, Clock clock) {

  public CallServices {
    Objects.requireNonNull(bank, "Journalled switch is required.");
    Objects.requireNonNull(lockouts, "Card lockouts are required.");
    Objects.requireNonNull(callPaths, "Call paths are required.");
    Objects.requireNonNull(clock, "Clock is required.");
  }
}
