// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

/**
 * A desk request refused, with a message fit for the officer's page (it never holds a card number
 * or what the officer typed).
 */
public final class DeskRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why: each maps to one HTTP status at the edge. */
  public enum Kind {
    /** Malformed or out-of-range input: 400. */
    BAD_INPUT,
    /** A call or caller not offered to this officer: 403. */
    NOT_YOURS,
    /** The state moved on (the offer ended, the call is already written up): 409. */
    CONFLICT,
    /** No officers' queues are configured on this phone bank: 503. */
    NO_QUEUES
  }

  private final Kind kind;

  public DeskRefusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
