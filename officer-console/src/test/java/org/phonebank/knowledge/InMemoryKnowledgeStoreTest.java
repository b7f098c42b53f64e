// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {

  private final KnowledgeStore store = new InMemoryKnowledgeStore();

  @Override
  protected KnowledgeStore store() {
    return store;
  }
}
