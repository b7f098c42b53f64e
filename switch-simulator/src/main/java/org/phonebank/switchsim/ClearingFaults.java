// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Faults of the switch's clearing, where what it settles parts from what it answered: each makes
 * one difference of reconciliation happen (the table in docs/settlement-file.md "Faults that make
 * every difference"). Movement faults apply to the next money movements (0200 of class 40 or 50),
 * one fault per movement in the order of {@link Movement}; reversal faults to the next 0420/0421
 * that the switch processes; while reversals are held, 0420/0421 are neither processed nor
 * answered, so the acquirer keeps its reversal in store-and-forward and repeats it.
 *
 * <pre>
 * drop-movement-next &lt;n&gt;   approve, post and settle, then send no answer (the acquirer times out and reverses)
 * settle-amount-next &lt;n&gt;   approve; settle 1,000 rials more than approved
 * settle-class-next &lt;n&gt;    approve; settle under the other money class (40 as 50, 50 as 40)
 * unsettled-next &lt;n&gt;       approve and post; leave it out of settlement
 * phantom-next &lt;n&gt;         approve and settle; settle besides an item of the terminal it never sent
 * settle-twice-next &lt;n&gt;    approve; settle the item twice (a duplicate presentment)
 * settle-declined-next &lt;n&gt; the issuer approves and the switch settles, but its answer was a stand-in 91
 * previous-date-next &lt;n&gt;   approve with the previous business date in field 15; settle today
 * keep-settled-next &lt;n&gt;    acknowledge the reversal; its original stays settled
 * orphan-reversal-next &lt;n&gt; acknowledge the reversal; settle it, and drop its original from settlement
 * hold-reversals on|off    neither process nor answer reversals
 * </pre>
 */
final class ClearingFaults {

  /** What the clearing does to one money movement. */
  enum Movement {
    NONE,
    DROP_ANSWER,
    AMOUNT,
    CLASS,
    UNSETTLED,
    PHANTOM,
    TWICE,
    DECLINED,
    PREVIOUS_DATE
  }

  /** What the clearing does to one reversal it processes. */
  enum Reversal {
    NONE,
    KEEP_SETTLED,
    ORPHAN
  }

  static final String USAGE =
      "drop-movement-next <n>, settle-amount-next <n>, settle-class-next <n>, unsettled-next <n>,"
          + " phantom-next <n>, settle-twice-next <n>, settle-declined-next <n>,"
          + " previous-date-next <n>, keep-settled-next <n>, orphan-reversal-next <n>,"
          + " hold-reversals on|off";

  private final Map<Movement, Integer> movements = new EnumMap<>(Movement.class);
  private final Map<Reversal, Integer> reversals = new EnumMap<>(Reversal.class);
  private boolean holdReversals;

  /** Applies {@code words} if they name a clearing fault; false when they do not. */
  synchronized boolean apply(String[] words) {
    switch (words[0]) {
      case "drop-movement-next" -> movements.put(Movement.DROP_ANSWER, count(words));
      case "settle-amount-next" -> movements.put(Movement.AMOUNT, count(words));
      case "settle-class-next" -> movements.put(Movement.CLASS, count(words));
      case "unsettled-next" -> movements.put(Movement.UNSETTLED, count(words));
      case "phantom-next" -> movements.put(Movement.PHANTOM, count(words));
      case "settle-twice-next" -> movements.put(Movement.TWICE, count(words));
      case "settle-declined-next" -> movements.put(Movement.DECLINED, count(words));
      case "previous-date-next" -> movements.put(Movement.PREVIOUS_DATE, count(words));
      case "keep-settled-next" -> reversals.put(Reversal.KEEP_SETTLED, count(words));
      case "orphan-reversal-next" -> reversals.put(Reversal.ORPHAN, count(words));
      case "hold-reversals" -> holdReversals = onOff(words);
      default -> {
        return false;
      }
    }
    return true;
  }

  synchronized void clear() {
    movements.clear();
    reversals.clear();
    holdReversals = false;
  }

  /** The fault for the next money movement (NONE when none is pending). */
  synchronized Movement nextMovement() {
    return next(movements, Movement.values(), Movement.NONE);
  }

  /** The fault for the next reversal processed (NONE when none is pending). */
  synchronized Reversal nextReversal() {
    return next(reversals, Reversal.values(), Reversal.NONE);
  }

  synchronized boolean holdReversals() {
    return holdReversals;
  }

  synchronized String describe() {
    StringBuilder text = new StringBuilder();
    movements.forEach((fault, left) -> describe(text, fault, left));
    reversals.forEach((fault, left) -> describe(text, fault, left));
    if (holdReversals) {
      text.append(", holding reversals");
    }
    return text.toString();
  }

  private static void describe(StringBuilder text, Enum<?> fault, int left) {
    if (left > 0) {
      text.append(", ")
          .append(fault.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .append(" x")
          .append(left);
    }
  }

  private static <T extends Enum<T>> T next(Map<T, Integer> pending, T[] order, T none) {
    for (T fault : order) {
      Integer left = pending.get(fault);
      if (left != null && left > 0) {
        pending.put(fault, left - 1);
        return fault;
      }
    }
    return none;
  }

  private static int count(String[] words) {
    return (int) FaultPlan.number(words);
  }

  private static boolean onOff(String[] words) {
    return FaultPlan.onOff(words);
  }
}
