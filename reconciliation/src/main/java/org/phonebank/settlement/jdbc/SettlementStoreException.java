// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.jdbc;

/** The database could not keep or give back settlement data. */
public final class SettlementStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SettlementStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
