// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.phonebank.callpath.CallPaths;
import org.phonebank.card.PinSealer;
import org.phonebank.escalation.OfficerQueue;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.prompt.NameVoice;

/**
 * What the call flows need from the rest of the phone bank: the journalled switch, the sealer that
 * turns a PIN into its PIN block as soon as it is keyed, the durable PIN lockouts, the store of
 * call paths, the clock that stamps them (and decides which day a statement date falls in), the
 * officers' queues, and the voice that speaks holders' names.
 *
 * @param officers the officers' queues; null when the phone bank routes no officers itself and
 *     hands callers to the dialplan's officers' extension instead
 */
public record CallServices(
    JournalledSwitch bank,
    PinSealer pins,
    CardLockouts lockouts,
    CallPaths callPaths,
    Clock clock,
    OfficerQueue officers,
    NameVoice nameVoice) {

  public CallServices {
    Objects.requireNonNull(bank, "Journalled switch is required.");
    Objects.requireNonNull(pins, "PIN sealer is required.");
    Objects.requireNonNull(lockouts, "Card lockouts are required.");
    Objects.requireNonNull(callPaths, "Call paths are required.");
    Objects.requireNonNull(clock, "Clock is required.");
    Objects.requireNonNull(nameVoice, "Name voice is required.");
  }

  /** Services without officers' queues of their own, spelling holders' names letter by letter. */
  public CallServices(
      JournalledSwitch bank,
      PinSealer pins,
      CardLockouts lockouts,
      CallPaths callPaths,
      Clock clock) {
    this(bank, pins, lockouts, callPaths, clock, null, NameVoice.LETTERS_ONLY);
  }

  /** Services with the phone bank's own officers' queues, spelling holders' names. */
  public CallServices(
      JournalledSwitch bank,
      PinSealer pins,
      CardLockouts lockouts,
      CallPaths callPaths,
      Clock clock,
      OfficerQueue officers) {
    this(bank, pins, lockouts, callPaths, clock, officers, NameVoice.LETTERS_ONLY);
  }

  /** Services without officers' queues of their own, speaking names with {@code nameVoice}. */
  public CallServices(
      JournalledSwitch bank,
      PinSealer pins,
      CardLockouts lockouts,
      CallPaths callPaths,
      Clock clock,
      NameVoice nameVoice) {
    this(bank, pins, lockouts, callPaths, clock, null, nameVoice);
  }

  public Optional<OfficerQueue> officerQueue() {
    return Optional.ofNullable(officers);
  }
}
