// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

/**
 * The journal's database could not be read or written. Callers must treat it as "not journalled": a
 * request whose entry could not be opened must not be sent to the switch.
 */
public class JournalStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JournalStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
