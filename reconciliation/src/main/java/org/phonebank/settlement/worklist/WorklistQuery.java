// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.util.Objects;
import java.util.Optional;
import org.phonebank.settlement.DifferenceKind;

/**
 * Which exceptions of a run to list: optionally of one kind and in one status, {@code limit} of
 * them from {@code offset}, in the run's key order.
 */
public record WorklistQuery(
    long runId,
    Optional<DifferenceKind> kind,
    Optional<WorkItemStatus> status,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public WorklistQuery {
    Objects.requireNonNull(kind, "Kind is required (empty for any).");
    Objects.requireNonNull(status, "Status is required (empty for any).");
    if (offset < 0) {
      throw new IllegalArgumentException("The offset cannot be negative.");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("List 1 to " + MAX_LIMIT + " items at a time.");
    }
  }

  public boolean admits(WorkItem item) {
    return item.kind().isException()
        && kind.map(k -> k == item.kind()).orElse(true)
        && status.map(s -> s == item.status()).orElse(true);
  }
}
