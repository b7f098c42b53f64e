// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement;

/**
 * How a journal entry and the switch's settlement records compare (DOMAIN §4). Every kind but
 * MATCHED and SETTLED_ON_ANOTHER_DATE needs a person.
 */
public enum DifferenceKind {
  /** We approved it and the switch settled it for the same amount and processing code. */
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
  /** Both sides have it, settled under a transaction class other than the one we sent. */
  PROCESSING_CODE_MISMATCH,
  /** The same key a second time in one source; the first occurrence is matched as usual. */
  DUPLICATE,
  /** We journalled a decline (or never reached the switch), yet the switch settled the item. */
  DECLINED_BUT_SETTLED,
  /**
   * The outcome was unknown to us (timed out, still pending) or our reversal was acknowledged, yet
   * the item stayed settled.
   */
  REVERSED_BUT_SETTLED,
  /**
   * We owe the switch a reversal that still waits in store-and-forward (entry REVERSING), and the
   * switch settled the original: it will be undone when the reversal gets through, or must be
   * chased.
   */
  REVERSAL_QUEUED_BUT_SETTLED,
  /** The switch settled a reversal without the item it reverses. */
  REVERSAL_WITHOUT_ORIGINAL,
  /**
   * The switch settled on this business date an item our journal dates on another (field 15 of its
   * answer, or the cut-over), and the item agrees with the journal (a late presentment of an
   * approval, or the late reversal of an item we reversed): carried forward, matched here, and not
   * flagged again. A late item that does not agree keeps its own kind (reversed but settled,
   * declined but settled, amount mismatch…).
   */
  SETTLED_ON_ANOTHER_DATE;

  /** True when a back-office user has to resolve it. */
  public boolean isException() {
    return this != MATCHED && this != SETTLED_ON_ANOTHER_DATE;
  }
}
