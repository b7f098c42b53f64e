// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;
import java.util.regex.Pattern;

/** What an officer can help with, such as {@code cards}, {@code fraud} or {@code general}. */
public record Skill(String name) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public Skill {
    Objects.requireNonNull(name, "Skill name is required.");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A skill name is lower-case letters, digits and '-', at most 32: '" + name + "'.");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
