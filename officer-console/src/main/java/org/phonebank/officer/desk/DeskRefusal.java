// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk;

import org.phonebank.console.ConsoleRefusal;

/**
 * A desk request refused, with a message fit for the officer's page (it never holds a card number
 * or what the officer typed).
 */
public final class DeskRefusal extends ConsoleRefusal {

  private static final long serialVersionUID = 1L;

  public DeskRefusal(Kind kind, String message) {
    super(kind, message);
  }
}
