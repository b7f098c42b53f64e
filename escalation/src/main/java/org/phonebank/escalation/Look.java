// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller's look at the queue starts from, read at one moment: the offers rung past their
 * deadline (anyone's), the caller's entry, the READY officers and, where the store read it with
 * them, the head of the queue.
 *
 * @param head the first {@link #HEAD} WAITING callers due now, in {@link Router#SERVICE_ORDER},
 *     whatever their queue or language, each with the officers they already tried; empty when the
 *     store did not read it with the rest (a store that pays nothing for a separate read)
 */
public record Look(
    List<Offer> overdue,
    Optional<QueuedCall> entry,
    List<OfficerState> ready,
    Optional<List<QueuedCall>> head) {

  /**
   * Callers in {@link #head}, at most: the first page of callers ahead a look plans, so that on
   * PostgreSQL a look whose caller is near the head needs no round trip for them (issue 11 item
   * 10). Fewer means the queue holds no more.
   */
  public static final int HEAD = 8;

  public Look {
    overdue = List.copyOf(overdue);
    Objects.requireNonNull(entry, "Entry is required (empty when none).");
    ready = List.copyOf(ready);
    Objects.requireNonNull(head, "Head is required (empty when not read).");
    head = head.map(List::copyOf);
    if (head.isPresent() && head.get().size() > HEAD) {
      throw new IllegalArgumentException(
          "A look's head holds at most " + HEAD + " callers: " + head.get().size());
    }
  }

  /** Without the head of the queue. */
  public Look(List<Offer> overdue, Optional<QueuedCall> entry, List<OfficerState> ready) {
    this(overdue, entry, ready, Optional.empty());
  }
}
