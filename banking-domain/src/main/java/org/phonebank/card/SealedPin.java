// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

/**
 * A telephone PIN sealed at collection by a {@link PinSealer}: to the phone bank an opaque handle
 * that holds no PIN digits, prints nothing of itself and is wiped by {@link #close()}. Every
 * request of the call carries the handle instead of the PIN; only the sealer that made it can turn
 * it into a message (in the ISO 8583 bridge, the PIN block enciphered under the zone PIN key,
 * formats 0 and 4 of ISO 9564-1). A handle is bound to the card it was sealed for.
 */
public interface SealedPin extends AutoCloseable {

  /** The card the PIN was sealed for: a request for another card cannot carry it. */
  CardNumber card();

  /** Wipes what the handle holds; a wiped handle cannot be sent. Safe to call more than once. */
  @Override
  void close();
}
