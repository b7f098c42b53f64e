// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the simulated caller does at each digit collection, in order, written as
 * whitespace-separated groups: {@code "1 6037991234567893# 7391 1"} presses 1, keys a card ending
 * with the terminator {@code #}, keys 7391, presses 1. A group without {@code #} stops there and
 * lets the question time out with the keys typed; {@code #} alone presses just the terminator. A
 * group {@code -} lets the collection time out with nothing; {@code H} hangs up there, and keys
 * followed by {@code H} ({@code 73H}) are keyed and then the caller hangs up in the middle of the
 * entry, before a terminator or the timeout. When the script runs out and the phone bank still asks
 * for keys, the caller hangs up.
 *
 * <p>Keys after a group's first {@code #} are typed ahead, before the next question is asked:
 * {@code "6037991234567893#7391"} keys the card, then the PIN while the phone bank is still busy
 * with the card. The simulator queues one of them as each later command arrives (see {@link
 * DtmfQueue}), and a question finds them queued instead of taking the script's next group.
 */
public final class CallScript {

  /** One group of the script. */
  public sealed interface Step permits Keys, NoInput, HangUp, HangUpMidEntry {}

  /** Keys pressed in order, terminators ({@code #}) included where the caller pressed them. */
  public record Keys(String typed) implements Step {

    /** The keys pressed while the question is asked: up to and including the first {@code #}. */
    public String now() {
      int hash = typed.indexOf('#');
      return hash < 0 ? typed : typed.substring(0, hash + 1);
    }

    /** The keys typed ahead of the next question: everything after the first {@code #}. */
    public String ahead() {
      return typed.substring(now().length());
    }

    @Override
    public String toString() {
      return "Keys[" + typed.length() + "]";
    }
  }

  public record NoInput() implements Step {}

  public record HangUp() implements Step {}

  /** Keys pressed (no terminator), then the caller hangs up while the entry is still open. */
  public record HangUpMidEntry(String typed) implements Step {
    @Override
    public String toString() {
      return "HangUpMidEntry[" + typed.length() + "]";
    }
  }

  private static final Pattern GROUP = Pattern.compile("[0-9*#]+");
  private static final Pattern KEYS_THEN_HANG_UP = Pattern.compile("[0-9*]+[Hh]");

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
        steps.add(new Keys(group));
      } else if (KEYS_THEN_HANG_UP.matcher(group).matches()) {
        steps.add(new HangUpMidEntry(group.substring(0, group.length() - 1)));
      } else {
        // The group is not echoed: it may be a card number or a PIN.
        throw new IllegalArgumentException(
            "Key script group "
                + (steps.size() + 1)
                + " must be keys 0-9, * and #, keys then H, - or H.");
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
