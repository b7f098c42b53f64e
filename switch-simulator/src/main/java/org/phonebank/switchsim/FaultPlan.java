// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's scripted faults, set from configuration ({@code --fault}) or the admin port.
 * Counted faults apply to the next financial or reversal requests, one fault per request, in the
 * order listed in {@link Action}:
 *
 * <pre>
 * delay &lt;ms&gt;            hold back every financial/reversal answer (after posting)
 * drop-next &lt;n&gt;         process, then send no answer
 * disconnect-next &lt;n&gt;   process, then drop the connection instead of answering
 * bad-mac-next &lt;n&gt;      answer with a corrupted MAC
 * garbage-next &lt;n&gt;      before the answer send garbage, a truncated copy and an unknown 0620; then the answer twice
 * answer-91-next &lt;n&gt;    answer 91 (issuer inoperative) without processing
 * refuse-sign-on on|off  answer sign-ons 91
 * chatter on|off         before answering a sign-on, send an echo request and a stray 0810
 * ignore-echo on|off     leave echo tests unanswered (the acquirer should mark the link down)
 * clear                  no faults
 * </pre>
 *
 * and the clearing's faults of {@link ClearingFaults}, which make the settlement differ from the
 * answers.
 */
final class FaultPlan {

  /** A fault applied to one request. */
  enum Action {
    NONE,
    ANSWER_91,
    DROP,
    DISCONNECT,
    BAD_MAC,
    GARBAGE
  }

  private final Map<Action, Integer> remaining = new EnumMap<>(Action.class);
  private Duration delay = Duration.ZERO;
  private boolean refuseSignOn;
  private boolean chatter;
  private boolean ignoreEcho;
  private final ClearingFaults clearing = new ClearingFaults();

  /**
   * Applies one fault command; throws IllegalArgumentException with a usage hint when it is not
   * understood.
   */
  synchronized void apply(String command) {
    String[] words = command.trim().toLowerCase(Locale.ROOT).split("\\s+");
    switch (words[0]) {
      case "clear" -> {
        remaining.clear();
        delay = Duration.ZERO;
        refuseSignOn = false;
        chatter = false;
        ignoreEcho = false;
        clearing.clear();
      }
      case "delay" -> delay = Duration.ofMillis(number(words));
      case "drop-next" -> remaining.put(Action.DROP, (int) number(words));
      case "disconnect-next" -> remaining.put(Action.DISCONNECT, (int) number(words));
      case "bad-mac-next" -> remaining.put(Action.BAD_MAC, (int) number(words));
      case "garbage-next" -> remaining.put(Action.GARBAGE, (int) number(words));
      case "answer-91-next" -> remaining.put(Action.ANSWER_91, (int) number(words));
      case "refuse-sign-on" -> refuseSignOn = onOff(words);
      case "chatter" -> chatter = onOff(words);
      case "ignore-echo" -> ignoreEcho = onOff(words);
      default -> {
        if (!clearing.apply(words)) {
          throw new IllegalArgumentException(
              "unknown fault '"
                  + words[0]
                  + "'; try: delay <ms>, "
                  + "drop-next <n>, disconnect-next <n>, bad-mac-next <n>, garbage-next <n>, answer-91-next <n>, "
                  + "refuse-sign-on on|off, chatter on|off, ignore-echo on|off, clear, "
                  + ClearingFaults.USAGE);
        }
      }
    }
  }

  /** The clearing's faults: how settlement parts from the answers. */
  ClearingFaults clearing() {
    return clearing;
  }

  /** The fault for the next financial or reversal request (NONE when none is pending). */
  synchronized Action next() {
    for (Action action : Action.values()) {
      Integer left = remaining.get(action);
      if (left != null && left > 0) {
        remaining.put(action, left - 1);
        return action;
      }
    }
    return Action.NONE;
  }

  synchronized Duration delay() {
    return delay;
  }

  synchronized boolean refuseSignOn() {
    return refuseSignOn;
  }

  synchronized boolean chatter() {
    return chatter;
  }

  synchronized boolean ignoreEcho() {
    return ignoreEcho;
  }

  synchronized String describe() {
    StringBuilder text = new StringBuilder("delay " + delay.toMillis() + " ms");
    remaining.forEach(
        (action, left) -> {
          if (left > 0) {
            text.append(", ")
                .append(action.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(" x")
                .append(left);
          }
        });
    if (refuseSignOn) {
      text.append(", refusing sign-on");
    }
    if (chatter) {
      text.append(", chatter on sign-on");
    }
    if (ignoreEcho) {
      text.append(", ignoring echoes");
    }
    return text.append(clearing.describe()).toString();
  }

  static long number(String[] words) {
    if (words.length != 2 || !words[1].matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("'" + words[0] + "' needs one whole number");
    }
    return Long.parseLong(words[1]);
  }

  static boolean onOff(String[] words) {
    if (words.length != 2 || !(words[1].equals("on") || words[1].equals("off"))) {
      throw new IllegalArgumentException("'" + words[0] + "' needs on or off");
    }
    return words[1].equals("on");
  }
}
