// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/**
 * Where the stored reversal of one money movement stands. ARMED before the request is sent;
 * RELEASED (fired) into the sending queue when the outcome is unknown; ACKNOWLEDGED when the switch
 * answered it; DEAD_LETTER when it could not be opened or kept being refused, so it left the queue
 * for an operator; CLOSED when an operator settled a dead letter by hand. A disarmed reversal has
 * no stage: it is gone.
 */
public enum ReversalStage {
  ARMED,
  RELEASED,
  ACKNOWLEDGED,
  DEAD_LETTER,
  CLOSED;

  /** The switch (or an operator for it) has settled the reversal: the entry is REVERSED. */
  public boolean isSettled() {
    return this == ACKNOWLEDGED || this == CLOSED;
  }
}
