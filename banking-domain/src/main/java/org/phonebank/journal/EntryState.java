// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

/** Life cycle of a journalled switch request: PENDING before it is sent, then one final state. */
public enum EntryState {
  PENDING,
  APPROVED,
  DECLINED,
  UNREACHABLE,
  TIMED_OUT;

  public boolean isFinal() {
    return this != PENDING;
  }
}
