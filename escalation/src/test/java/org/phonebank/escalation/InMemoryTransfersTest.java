// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

class InMemoryTransfersTest extends TransfersContract {

  @Override
  protected EscalationStore newStore() {
    return new InMemoryEscalationStore();
  }
}
