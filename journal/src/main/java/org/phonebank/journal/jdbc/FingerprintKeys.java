// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import org.phonebank.card.CardFingerprinter;

/** Checks the secret that card fingerprints are keyed with before a store keeps its own copy. */
final class FingerprintKeys {

  static final int MIN_BYTES = 32;

  private FingerprintKeys() {}

  static byte[] checked(byte[] key) {
    if (key == null || key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "A card fingerprint key of at least " + MIN_BYTES + " bytes is required.");
    }
    // A copy, so a caller wiping or reusing its array cannot change which cards this store
    // recognises.
    return key.clone();
  }

  /**
   * Fingerprints under {@code key} (checked). The same card gives the same fingerprint only under
   * the same key, on every node and after restarts.
   */
  static CardFingerprinter fingerprinter(byte[] key) {
    return new CardFingerprinter(checked(key));
  }
}
