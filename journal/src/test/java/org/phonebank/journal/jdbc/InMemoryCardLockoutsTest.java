// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.phonebank.lockout.CardLockouts;
import org.phonebank.testing.InMemoryCardLockouts;

/** The banking-domain fake keeps the same lockout rules as the JDBC store. */
class InMemoryCardLockoutsTest extends CardLockoutsContract {

  @Override
  CardLockouts newLockouts() {
    return new InMemoryCardLockouts();
  }
}
