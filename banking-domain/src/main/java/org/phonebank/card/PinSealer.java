// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

/**
 * Seals a PIN the moment it is collected, so that the clear digits live only from the caller's keys
 * to this call (the port behind which the ISO 8583 bridge builds and enciphers the PIN block, as a
 * PIN pad does at a terminal). The flows keep the returned handle for the rest of the call and
 * close it when the call ends or the PIN is replaced.
 */
@FunctionalInterface
public interface PinSealer {

  /**
   * The sealed form of {@code pin} for {@code card}. {@code pin} stays the caller's to close (the
   * sealer wipes every copy of the digits it makes before returning).
   *
   * @throws IllegalStateException when {@code pin} has already been wiped
   */
  SealedPin seal(TelephonePin pin, CardNumber card);
}
