// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

/** The kinds of request the phone bank sends to the switch. */
public enum TransactionType {
  BALANCE_INQUIRY
}
