// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard;

import java.time.Instant;
import java.util.List;
import org.phonebank.escalation.EntryFacts;
import org.phonebank.escalation.OfficerState;

/** What the wallboard reads of the officers' queues; the database's rows in production. */
public interface WallboardFacts {

  /** Every caller who joined a queue in {@code [from, to)}, however far their call has got. */
  List<EntryFacts> joined(Instant from, Instant to);

  /** The callers in a queue now, whenever they joined. */
  List<InQueue> inQueue();

  /** Every officer's state now. */
  List<OfficerState> officers();
}
