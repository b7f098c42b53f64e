// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the simulated caller does at each digit collection, in order, written as
 * whitespace-separated groups: {@code "1 6037991234567893# 7391 1"} presses 1, keys a card ending
 * with the terminator {@code #}, keys 7391, presses 1. A group {@code -} lets the collection time
 * out; {@code H} hangs up there. When the script runs out and the phone bank still asks for keys,
 * the caller hangs up.
 */
public final class CallScript {

  /** One group of the script. */
  public sealed interface Step permits Keys, NoInput, HangUp {}

  /**
   * Keys pressed; {@code terminated} when the group ended with {@code #}, which is not one of the
   * keys.
   */
  public record Keys(String keys, boolean terminated) implements Step {
    @Override
    public String toString() {
      return "Keys[" + keys.length() + "]";
    }
  }

  public record NoInput() implements Step {}

  public record HangUp() implements Step {}

  private static final Pattern GROUP = Pattern.compile("[0-9*]*#?");

  private final List<Step> steps;

  private CallScript(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * Parses a key script such as {@code "1 6037991234567893# 7391 1"}; an empty script hangs up at
   * once.
   */
  public static CallScript parse(String script) {
    Objects.requireNonNull(script, "Key script is required.");
    List<Step> steps = new ArrayList<>();
    for (String group : script.trim().split("\\s+")) {
      if (group.isEmpty()) {
        continue;
      }
      if (group.equals("-")) {
        steps.add(new NoInput());
      } else if (group.equalsIgnoreCase("H")) {
        steps.add(new HangUp());
      } else if (GROUP.matcher(group).matches()) {
        boolean terminated = group.endsWith("#");
        steps.add(
            new Keys(terminated ? group.substring(0, group.length() - 1) : group, terminated));
      } else {
        // The group is not echoed: it may be a card number or a PIN.
        throw new IllegalArgumentException(
            "Key script group "
                + (steps.size() + 1)
                + " must be keys 0-9 and * (optionally ending in #), - or H.");
      }
    }
    return new CallScript(steps);
  }

  public List<Step> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "CallScript[" + steps.size() + " groups]";
  }
}
