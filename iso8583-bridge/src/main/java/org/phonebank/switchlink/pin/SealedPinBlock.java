// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.pin;

import java.util.Objects;
import org.phonebank.card.CardNumber;
import org.phonebank.card.SealedPin;

/**
 * A PIN sealed by the bridge: its PIN block, enciphered under the zone PIN key once, at collection,
 * and carried by every request of the call from then on, so that the clear PIN is gone as soon as
 * it was keyed. The handle knows the card the block was built for (format 0 XORs the PAN into the
 * block, format 4 enciphers it with the PIN field) and which sealer, so which key, made it; it
 * never prints, and {@link #close()} zeroes the block.
 */
public final class SealedPinBlock implements SealedPin {

  private final CardNumber card;
  private final PinBlock block;
  private final Object sealer;
  private volatile boolean wiped;

  /** Takes {@code block} over: closing the handle wipes it. */
  public SealedPinBlock(PinBlock block, CardNumber card, Object sealer) {
    this.block = Objects.requireNonNull(block, "PIN block is required.");
    this.card = Objects.requireNonNull(card, "Card is required.");
    this.sealer = Objects.requireNonNull(sealer, "Sealer is required.");
  }

  @Override
  public CardNumber card() {
    return card;
  }

  /**
   * The enciphered block for a message to {@code card} from {@code sealer}; the handle keeps owning
   * it (use {@link PinBlock#bytes()}, a copy, and wipe that).
   *
   * @throws IllegalStateException when the handle has been wiped
   * @throws IllegalArgumentException when {@code pin} is not a handle {@code sealer} made, or was
   *     sealed for another card
   */
  public static PinBlock blockOf(SealedPin pin, CardNumber card, Object sealer) {
    Objects.requireNonNull(pin, "Sealed PIN is required.");
    if (!(pin instanceof SealedPinBlock sealed) || sealed.sealer != sealer) {
      throw new IllegalArgumentException("The PIN was not sealed under this switch link's keys.");
    }
    if (!sealed.card.equals(card)) {
      throw new IllegalArgumentException("The PIN was sealed for another card.");
    }
    if (sealed.wiped) {
      throw new IllegalStateException("The sealed PIN has been wiped.");
    }
    return sealed.block;
  }

  /** True once {@link #close()} has zeroed the block. */
  public boolean isWiped() {
    return wiped;
  }

  @Override
  public void close() {
    wiped = true;
    block.close();
  }

  @Override
  public String toString() {
    return "SealedPin[" + block + "]";
  }
}
