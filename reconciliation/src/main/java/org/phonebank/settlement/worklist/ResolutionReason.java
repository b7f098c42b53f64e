// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

/** Why a back-office user considers an exception dealt with (issue 13 item 5). */
public enum ResolutionReason {
  /** An adjustment is booked outside the phone bank (the journal itself is never edited). */
  ADJUST(true),
  /** The difference is accepted as a loss or gain. */
  WRITE_OFF(true),
  /** Asked the switch to explain or correct it: the item stays open until a later resolution. */
  CHASE_SWITCH(false),
  /** It belongs to another business date and is settled there. */
  CARRIED_FORWARD(true);

  private final boolean closes;

  ResolutionReason(boolean closes) {
    this.closes = closes;
  }

  /** False for a reason that leaves the item waiting on someone else. */
  public boolean closes() {
    return closes;
  }
}
