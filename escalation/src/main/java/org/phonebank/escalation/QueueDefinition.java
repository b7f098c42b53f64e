// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A queue of callers: its priority (higher is served first, so fraud and lost cards go ahead of
 * everyone), the tiers of officers it reaches as the wait grows (the first at 0 s), and when it
 * widens to supervisors. Operator first, then specialist is two tiers: {@code general:1@0,
 * cards:4@45}.
 */
public record QueueDefinition(
    String name, int priority, List<Tier> tiers, Optional<Duration> supervisorsAfter) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public QueueDefinition {
    Objects.requireNonNull(name, "Queue name is required.");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A queue name is lower-case letters, digits and '-', at most 32: '" + name + "'.");
    }
    if (priority < 0 || priority > 9) {
      throw new IllegalArgumentException("Queue " + name + ": priority must be 0 to 9.");
    }
    tiers = List.copyOf(Objects.requireNonNull(tiers, "Tiers are required."));
    if (tiers.isEmpty() || !tiers.get(0).after().isZero()) {
      throw new IllegalArgumentException("Queue " + name + ": the first tier starts at 0 seconds.");
    }
    for (int i = 1; i < tiers.size(); i++) {
      if (tiers.get(i).after().compareTo(tiers.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException("Queue " + name + ": tiers must be in order of wait.");
      }
    }
    Objects.requireNonNull(supervisorsAfter, "Supervisors' wait is required (empty: never).");
  }

  /** Whether {@code officer} may be offered a caller of this queue who has waited {@code wait}. */
  public boolean reaches(OfficerProfile officer, Duration wait) {
    for (Tier tier : tiers) {
      if (tier.after().compareTo(wait) <= 0 && tier.admits(officer)) {
        return true;
      }
    }
    return officer.supervisor()
        && supervisorsAfter.isPresent()
        && supervisorsAfter.get().compareTo(wait) <= 0;
  }

  /** Whether {@code officer} could ever serve this queue, however long the wait. */
  public boolean couldReach(OfficerProfile officer) {
    return tiers.stream().anyMatch(tier -> tier.admits(officer))
        || (officer.supervisor() && supervisorsAfter.isPresent());
  }
}
