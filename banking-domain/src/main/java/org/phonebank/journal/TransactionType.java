// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal;

/** The kinds of request the phone bank sends to the switch. */
public enum TransactionType {
  BALANCE_INQUIRY(false),
  MINI_STATEMENT(false),
  HOLDER_NAME_INQUIRY(false),
  TRANSFER(true),
  BILL_PAYMENT(true),
  CARD_BLOCK(false),
  PIN_CHANGE(false);

  private final boolean movesMoney;

  TransactionType(boolean movesMoney) {
    this.movesMoney = movesMoney;
  }

  /** True when the issuer posts money for it, so an unknown outcome must be reversed. */
  public boolean movesMoney() {
    return movesMoney;
  }
}
