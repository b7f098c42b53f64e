// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.knowledge;

import org.phonebank.console.ConsoleRefusal;

/**
 * A knowledge-tree request refused, with a message fit for the supervisor's page: bad input (400),
 * no such article (404), edited meanwhile or id taken (409).
 */
public final class KnowledgeRefusal extends ConsoleRefusal {

  private static final long serialVersionUID = 1L;

  public KnowledgeRefusal(Kind kind, String message) {
    super(kind, message);
  }
}
