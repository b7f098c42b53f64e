// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.balance;

/** What came of one balance inquiry, as the call flow must act on it. */
public enum BalanceReply {
  /** The balance has been spoken. */
  SPOKEN,
  /** The issuer said the PIN is wrong; not yet told to the caller. */
  WRONG_PIN,
  /** The issuer says the PIN has been tried too often; not yet told to the caller. */
  PIN_TRIES_EXCEEDED,
  /** The issuer does not know the card; not yet told to the caller. */
  CARD_NOT_RECOGNISED,
  /** Any other refusal; the caller has been told. */
  DECLINED,
  /** No answer, or an answer without a balance; the caller has been told to call later. */
  UNAVAILABLE
}
