// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.console;

import java.util.Objects;

/**
 * A console request refused, with a message fit for the page (it never holds a card number or what
 * the user typed). Every console's refusals share these kinds, and one mapper at the REST edge
 * ({@code org.phonebank.officer.desk.rest.Refusals}) turns each into its HTTP status and {@code
 * {"error": "..."}}.
 */
public class ConsoleRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why: each maps to one HTTP status at the edge. */
  public enum Kind {
    /** Malformed or out-of-range input: 400. */
    BAD_INPUT,
    /** A call, caller or action that is not this user's: 403. */
    NOT_YOURS,
    /** No such thing (an article, a queue or officer a transfer names): 404. */
    NOT_FOUND,
    /** The state moved on (the offer ended, an article edited meanwhile, an id taken): 409. */
    CONFLICT,
    /** No officers' queues are configured on this phone bank: 503. */
    NO_QUEUES
  }

  private final Kind kind;

  public ConsoleRefusal(Kind kind, String message) {
    // A refusal is an expected answer, not a fault: no stack trace to fill or log.
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "Kind is required.");
  }

  public Kind kind() {
    return kind;
  }
}
