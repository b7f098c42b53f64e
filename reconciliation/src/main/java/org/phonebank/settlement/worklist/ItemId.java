// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reconciliation item's identity: its run, match-key group and position in the group. Written
 * {@code run-group-item}, e.g. {@code 12-40-0}, in the console's addresses.
 */
public record ItemId(long runId, int groupNo, int itemNo) {

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,18})-([0-9]{1,9})-([0-9]{1,9})");

  public ItemId {
    if (runId < 1 || groupNo < 0 || itemNo < 0) {
      throw new IllegalArgumentException(
          "An item id is a run (1 or more), a group and a position.");
    }
  }

  /**
   * Reads {@code run-group-item}.
   *
   * @throws IllegalArgumentException when {@code text} is not of that form
   */
  public static ItemId parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("An item id is run-group-item, e.g. 12-40-0.");
    }
    return new ItemId(
        Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return runId + "-" + groupNo + "-" + itemNo;
  }
}
