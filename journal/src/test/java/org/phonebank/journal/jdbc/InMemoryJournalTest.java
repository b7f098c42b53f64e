// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.phonebank.journal.Journal;
import org.phonebank.testing.InMemoryJournal;

/**
 * The banking-domain fake keeps the same rules as the JDBC journal, so flows tested on it hold on
 * the real one.
 */
class InMemoryJournalTest extends JournalContract {

  @Override
  Journal newJournal() {
    return new InMemoryJournal();
  }
}
