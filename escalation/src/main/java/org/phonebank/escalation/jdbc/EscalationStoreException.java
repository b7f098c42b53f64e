// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation.jdbc;

/** The database holding the officers' queues failed; the message says what was being done. */
public final class EscalationStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EscalationStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
