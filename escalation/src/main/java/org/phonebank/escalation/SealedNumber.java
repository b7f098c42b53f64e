// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.escalation;

import java.util.Objects;

/**
 * A callback number as the shared store keeps it: {@code sealed} is the number encrypted under the
 * bank's callback key ({@link CallbackNumbers}), {@code digest} a keyed hash that finds a caller's
 * callbacks without opening them. Neither shows the number; nor does {@link #toString()}.
 */
public record SealedNumber(String sealed, String digest) {

  public SealedNumber {
    Objects.requireNonNull(sealed, "Sealed number is required.");
    Objects.requireNonNull(digest, "Number digest is required.");
    if (!sealed.startsWith(CallbackNumbers.VERSION) || sealed.length() > 100) {
      throw new IllegalArgumentException("Not a sealed callback number.");
    }
    if (!digest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("A number digest is 64 hex digits.");
    }
  }

  @Override
  public String toString() {
    return "SealedNumber[" + digest.substring(0, 8) + "…]";
  }
}
