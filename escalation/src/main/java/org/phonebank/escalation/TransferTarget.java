// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;

/** Where an officer sends the caller they serve: another queue, or one named officer. */
public sealed interface TransferTarget {

  /** Back in line in {@code queue}, keeping their priority and arrival time. */
  record ToQueue(String queue) implements TransferTarget {
    public ToQueue {
      Objects.requireNonNull(queue, "Queue is required.");
    }
  }

  /** Offered at once to {@code officerId}, if they are READY and can serve the caller. */
  record ToOfficer(String officerId) implements TransferTarget {
    public ToOfficer {
      Objects.requireNonNull(officerId, "Officer is required.");
    }
  }
}
