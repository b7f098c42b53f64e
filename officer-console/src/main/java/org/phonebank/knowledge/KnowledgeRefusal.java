// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

/** A knowledge-tree request refused, with a message fit for the supervisor's page. */
public final class KnowledgeRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why: bad input (400), no such article (404), edited meanwhile or id taken (409). */
  public enum Kind {
    BAD_INPUT,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;

  public KnowledgeRefusal(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
