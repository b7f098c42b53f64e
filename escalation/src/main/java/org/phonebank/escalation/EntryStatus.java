// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/** Where one caller in a queue stands. */
public enum EntryStatus {
  /** Waiting for an officer (on hold, or for a callback). */
  WAITING,
  /** An officer has been reserved and their phone rings. */
  RINGING,
  /** Talking to an officer. */
  CONNECTED,
  /** Done, however it ended; see {@link EntryEnd}. */
  ENDED
}
