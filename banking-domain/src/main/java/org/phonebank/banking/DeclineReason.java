// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/** Why the issuer or switch said no, in words a caller can be told. */
public enum DeclineReason {
  INSUFFICIENT_FUNDS,
  INCORRECT_PIN,
  PIN_TRIES_EXCEEDED,
  INVALID_CARD,
  EXPIRED_CARD,
  LIMIT_EXCEEDED,
  NOT_PERMITTED,
  ISSUER_UNAVAILABLE,
  SECURITY_VIOLATION,
  OTHER
}
