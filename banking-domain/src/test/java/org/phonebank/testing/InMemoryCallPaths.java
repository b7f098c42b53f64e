// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.phonebank.callpath.CallPath;
import org.phonebank.callpath.CallPaths;

/** Call paths in a list. */
public final class InMemoryCallPaths implements CallPaths {

  private final List<CallPath> paths = new ArrayList<>();

  @Override
  public synchronized void record(CallPath path) {
    // The first record of a call stands, as in the database.
    if (forCall(path.callId()).isEmpty()) {
      paths.add(path);
    }
  }

  @Override
  public synchronized Optional<CallPath> forCall(String callId) {
    return paths.stream().filter(p -> p.callId().equals(callId)).findFirst();
  }

  @Override
  public synchronized List<CallPath> endedBetween(Instant from, Instant to) {
    return paths.stream()
        .filter(p -> !p.endedAt().isBefore(from) && p.endedAt().isBefore(to))
        .sorted(Comparator.comparing(CallPath::endedAt))
        .toList();
  }

  public synchronized List<CallPath> all() {
    return List.copyOf(paths);
  }
}
