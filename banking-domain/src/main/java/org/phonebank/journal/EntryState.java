// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

/**
 * Life cycle of a journalled switch request: PENDING before it is sent, then one final state. A
 * money movement whose outcome is unknown goes to REVERSING while its reversal waits in
 * store-and-forward, and to REVERSED when the switch acknowledges the reversal.
 */
public enum EntryState {
  PENDING,
  APPROVED,
  DECLINED,
  UNREACHABLE,
  TIMED_OUT,
  REVERSING,
  REVERSED;

  public boolean isFinal() {
    return this != PENDING && this != REVERSING;
  }
}
