// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.phonebank.callpath.CallPaths;
import org.phonebank.testing.InMemoryCallPaths;

/** The banking-domain fake keeps the same call path rules as the JDBC store. */
class InMemoryCallPathsTest extends CallPathsContract {

  @Override
  CallPaths newCallPaths() {
    return new InMemoryCallPaths();
  }
}
