// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.util.Optional;

/** Where an exception stands, from its latest resolution. */
public enum WorkItemStatus {
  /** No resolution yet. */
  OPEN,
  /** The switch is being chased: someone must come back to it. */
  CHASING,
  /** Adjusted, written off or carried forward. */
  CLOSED;

  static WorkItemStatus of(Optional<Resolution> latest) {
    if (latest.isEmpty()) {
      return OPEN;
    }
    return latest.get().reason().closes() ? CLOSED : CHASING;
  }
}
