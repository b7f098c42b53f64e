// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.phonebank.saf.AdviceQueue;
import org.phonebank.testing.InMemoryAdviceQueue;

/** The banking-domain fake keeps the same queue rules as the JDBC one. */
class InMemoryAdviceQueueTest extends AdviceQueueContract {

  private long lastEntry;

  @Override
  AdviceQueue newQueue() {
    return new InMemoryAdviceQueue();
  }

  @Override
  long newJournalEntry() {
    return ++lastEntry;
  }
}
