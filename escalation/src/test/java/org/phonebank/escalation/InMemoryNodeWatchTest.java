// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Optional;

class InMemoryNodeWatchTest extends NodeWatchContract {

  private InMemoryEscalationStore store;

  @Override
  protected EscalationStore newStore() {
    store = new InMemoryEscalationStore();
    return store;
  }

  @Override
  protected EscalationStore secondStore() {
    return store;
  }

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return store.endOf(entryId);
  }
}
