// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.time.Duration;
import java.util.Objects;

/**
 * One ring of officers a queue reaches: those with {@code skill} at {@code minProficiency} or more,
 * once the caller has waited {@code after}. Written {@code cards:3@60} in configuration.
 */
public record Tier(Skill skill, int minProficiency, Duration after) {

  public Tier {
    Objects.requireNonNull(skill, "Skill is required.");
    if (minProficiency < OfficerProfile.MIN_PROFICIENCY
        || minProficiency > OfficerProfile.MAX_PROFICIENCY) {
      throw new IllegalArgumentException("A tier's minimum proficiency is 1 to 5.");
    }
    Objects.requireNonNull(after, "Wait before the tier is required.");
    if (after.isNegative()) {
      throw new IllegalArgumentException("A tier's wait cannot be negative.");
    }
  }

  boolean admits(OfficerProfile officer) {
    return officer.proficiency(skill) >= minProficiency;
  }

  @Override
  public String toString() {
    return skill + ":" + minProficiency + "@" + after.toSeconds();
  }
}
