// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;

/**
 * The rule every request carrying a sealed PIN keeps: the PIN was sealed for the request's card.
 */
final class RequestPins {

  private RequestPins() {}

  /**
   * @throws IllegalArgumentException when {@code pin} was sealed for another card than {@code card}
   *     (its PIN block would not verify at the issuer, and would reveal nothing worth sending)
   */
  static void check(CardNumber card, SealedPin pin, String name) {
    Objects.requireNonNull(pin, name + " is required.");
    if (!pin.card().equals(card)) {
      throw new IllegalArgumentException(name + " was sealed for another card.");
    }
  }
}
