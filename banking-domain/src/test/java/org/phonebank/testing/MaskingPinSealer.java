// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.testing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.phonebank.card.CardNumber;
import org.phonebank.card.PinSealer;
import org.phonebank.card.SealedPin;
import org.phonebank.card.TelephonePin;

/**
 * A PIN sealer for tests without a switch: the handle holds the digits XORed with a random pad that
 * only this sealer keeps, so a handle (and whatever holds it) carries no PIN digits, as the
 * bridge's enciphered PIN blocks do not; the sealer can still {@link #open} it to show a test which
 * PIN a request carried, and says whether a handle was {@link #wiped}.
 */
public final class MaskingPinSealer implements PinSealer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<Masked, byte[]> pads = new WeakHashMap<>();

  /** Seals {@code digits} for {@code card} in one step, for tests that only need some handle. */
  public static SealedPin sealed(String digits, CardNumber card) {
    try (TelephonePin pin = TelephonePin.of(digits.toCharArray())) {
      return new MaskingPinSealer().seal(pin, card);
    }
  }

  @Override
  public synchronized SealedPin seal(TelephonePin pin, CardNumber card) {
    Objects.requireNonNull(card, "Card is required.");
    byte[] pad = new byte[pin.length()];
    RANDOM.nextBytes(pad);
    byte[] masked =
        pin.reveal(
            digits -> {
              byte[] out = new byte[digits.length];
              for (int i = 0; i < digits.length; i++) {
                out[i] = (byte) (digits[i] ^ pad[i]);
              }
              return out;
            });
    Masked handle = new Masked(card, masked);
    pads.put(handle, pad);
    return handle;
  }

  /** The digits {@code pin} was sealed from, if this sealer sealed it and it is not wiped. */
  public synchronized String open(SealedPin pin) {
    byte[] pad = pads.get(pin);
    if (pad == null || ((Masked) pin).wiped) {
      throw new IllegalArgumentException("Not a PIN this sealer sealed, or wiped.");
    }
    byte[] masked = ((Masked) pin).masked;
    char[] digits = new char[masked.length];
    for (int i = 0; i < masked.length; i++) {
      digits[i] = (char) (masked[i] ^ pad[i]);
    }
    return new String(digits);
  }

  /** True when {@code pin} was closed and its bytes zeroed. */
  public static boolean wiped(SealedPin pin) {
    Masked masked = (Masked) pin;
    byte[] zeros = new byte[masked.masked.length];
    return masked.wiped && Arrays.equals(zeros, masked.masked);
  }

  private static final class Masked implements SealedPin {
    private final CardNumber card;
    private final byte[] masked;
    private boolean wiped;

    Masked(CardNumber card, byte[] masked) {
      this.card = card;
      this.masked = masked;
    }

    @Override
    public CardNumber card() {
      return card;
    }

    @Override
    public void close() {
      Arrays.fill(masked, (byte) 0);
      wiped = true;
    }

    @Override
    public String toString() {
      return "SealedPin[masked]";
    }
  }
}
