// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Optional;

class InMemoryCallbacksTest extends CallbacksContract {

  @Override
  protected EscalationStore newStore() {
    return new InMemoryEscalationStore();
  }

  @Override
  protected Optional<EntryEnd> endOf(long entryId) {
    return ((InMemoryEscalationStore) store).endOf(entryId);
  }
}
