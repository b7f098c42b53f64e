// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An officer as configured: the skills they hold with a proficiency of 1 (learning) to 5 (expert),
 * the languages they speak, the FreeSWITCH dial string that rings their phone ({@code user/1001}),
 * and whether they are a supervisor (the last ring of every queue).
 */
public record OfficerProfile(
    String id,
    Map<Skill, Integer> skills,
    Set<String> languages,
    String endpoint,
    boolean supervisor) {

  public static final int MIN_PROFICIENCY = 1;
  public static final int MAX_PROFICIENCY = 5;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /**
   * A dial string becomes one argument of {@code bridge}, which FreeSWITCH splits on spaces, and a
   * comma or pipe would ring several phones at once.
   */
  private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9_./@:+=${}-]{1,128}");

  public OfficerProfile {
    Objects.requireNonNull(id, "Officer id is required.");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "An officer id is 1 to 32 letters, digits, '_' or '-': '" + id + "'.");
    }
    skills = Map.copyOf(Objects.requireNonNull(skills, "Skills are required."));
    skills.forEach(
        (skill, level) -> {
          if (level < MIN_PROFICIENCY || level > MAX_PROFICIENCY) {
            throw new IllegalArgumentException(
                "Officer " + id + ": proficiency in " + skill + " must be 1 to 5, was " + level);
          }
        });
    languages = Set.copyOf(Objects.requireNonNull(languages, "Languages are required."));
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("Officer " + id + " speaks no language.");
    }
    Objects.requireNonNull(endpoint, "Endpoint is required.");
    if (!ENDPOINT.matcher(endpoint).matches()) {
      throw new IllegalArgumentException(
          "Officer " + id + ": endpoint must be one dial string without spaces, ',' or '|'.");
    }
  }

  /** 0 when the officer does not hold the skill. */
  public int proficiency(Skill skill) {
    return skills.getOrDefault(skill, 0);
  }

  public boolean speaks(String language) {
    return languages.contains(language);
  }
}
