// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which waiting callers a planning read needs: those of one of {@code queues} who speak one of
 * {@code languages}. A caller's look plans the callers ahead only to learn which free officers they
 * take; a caller who could take none of them changes nothing and need not be read.
 */
public record CallerFilter(Set<String> queues, Set<String> languages) {

  public CallerFilter {
    queues = Set.copyOf(Objects.requireNonNull(queues, "Queues are required."));
    languages = Set.copyOf(Objects.requireNonNull(languages, "Languages are required."));
  }

  /**
   * The callers who could ring one of {@code officers}, conservatively: the languages any of them
   * speaks, and the queues any of whose tiers (at any wait, however widened) or supervisors' ring
   * reaches any of them ({@link QueueDefinition#couldReach}). A caller left out can ring none of
   * them, whatever their wait; a caller let in may still ring none.
   */
  public static CallerFilter reaching(
      Collection<OfficerProfile> officers, Collection<QueueDefinition> queues) {
    Set<String> languages = new LinkedHashSet<>();
    Set<String> reached = new LinkedHashSet<>();
    for (OfficerProfile officer : officers) {
      languages.addAll(officer.languages());
      for (QueueDefinition queue : queues) {
        if (queue.couldReach(officer)) {
          reached.add(queue.name());
        }
      }
    }
    return new CallerFilter(reached, languages);
  }

  /** Whether a caller of this queue and language is let in. */
  public boolean admits(QueuedCall caller) {
    return queues.contains(caller.queue()) && languages.contains(caller.language());
  }

  /** Whether nobody is let in. */
  public boolean isEmpty() {
    return queues.isEmpty() || languages.isEmpty();
  }
}
