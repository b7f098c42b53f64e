// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

/**
 * How a journal entry and the switch's settlement records compare. Every kind but MATCHED needs a
 * person.
 */
public enum DifferenceKind {
  /** We approved it and the switch settled it for the same amount. */
  MATCHED,
  /**
   * We told the caller it was approved, but the switch settled nothing (or settled and reversed
   * it).
   */
  MISSING_AT_SWITCH,
  /** The switch settled an item of our terminal that our journal does not have. */
  UNKNOWN_TO_US,
  /** Both sides have it, settled for a different amount than we journalled. */
  AMOUNT_MISMATCH,
  /** The same key a second time in one source; the first occurrence is matched as usual. */
  DUPLICATE,
  /** We journalled a decline (or never reached the switch), yet the switch settled the item. */
  DECLINED_BUT_SETTLED,
  /**
   * The outcome was unknown to us (timed out or still pending), so a reversal was owed, yet the
   * item settled.
   */
  REVERSED_BUT_SETTLED,
  /** The switch settled a reversal without the item it reverses. */
  REVERSAL_WITHOUT_ORIGINAL
}
