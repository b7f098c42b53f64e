// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.callpath;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable record of call paths. */
public interface CallPaths {

  void record(CallPath path);

  Optional<CallPath> forCall(String callId);

  /** Paths of calls that ended in {@code [from, to)}, oldest first. */
  List<CallPath> endedBetween(Instant from, Instant to);
}
