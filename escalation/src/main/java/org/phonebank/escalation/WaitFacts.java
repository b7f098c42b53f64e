// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

/**
 * What a waiting caller's position and estimate read on every look (docs/escalation.md, "Estimated
 * wait"); the queue's recent handling times are read apart, at most once per {@link
 * EscalationSettings#handlingRefresh}.
 *
 * @param position 1 is next
 * @param atWork the officers READY, RESERVED or BUSY who could serve the caller's queue in their
 *     language
 */
public record WaitFacts(int position, int atWork) {

  public WaitFacts {
    if (position < 1) {
      throw new IllegalArgumentException("A position starts at 1.");
    }
    if (atWork < 0) {
      throw new IllegalArgumentException("Officers at work cannot be negative.");
    }
  }
}
