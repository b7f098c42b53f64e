// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.worklist;

import java.util.List;
import java.util.Optional;

/**
 * The worklist's store: runs' items with their resolutions, and the chain each item opens. It only
 * appends resolutions; nothing here changes an item, a journal entry or an earlier resolution.
 */
public interface Worklist {

  Optional<WorkItem> item(ItemId id);

  /** The exceptions the query admits, in key order. */
  List<WorkItem> items(WorklistQuery query);

  /** The item's resolutions, oldest first. */
  List<Resolution> resolutions(ItemId id);

  /**
   * Appends {@code resolution}; false (and nothing stored) when the item already has an entry with
   * its number, i.e. someone else resolved it meanwhile.
   */
  boolean append(Resolution resolution);

  /** The item and everything it leads to; empty when there is no such item. */
  Optional<ItemChain> chain(ItemId id);

  /**
   * Every item, in any run, about journal entry {@code journalId}: the way back to the worklist.
   */
  List<WorkItem> itemsOfJournalEntry(long journalId);
}
