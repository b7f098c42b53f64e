// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed one-way fingerprint of a card number (HMAC-SHA-256 under a secret the bank holds), so
 * that stores can recognise the same card again (lockouts, daily limits) without ever holding its
 * digits. A plain hash would not do: sixteen digits with a known BIN and a Luhn digit are few
 * enough to search.
 */
public record CardFingerprint(String hex) {

  static final String ALGORITHM = "HmacSHA256";

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public CardFingerprint {
    Objects.requireNonNull(hex, "Fingerprint is required.");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("A card fingerprint is 64 lower-case hex digits.");
    }
  }

  /**
   * Fingerprints {@code card} under {@code key} (at least 32 bytes). For many cards under one key,
   * {@link CardFingerprinter} keys its {@code Mac}s once.
   */
  public static CardFingerprint of(CardNumber card, byte[] key) {
    checkKey(key);
    return new CardFingerprint(
        HexFormat.of()
            .formatHex(
                keyed(new SecretKeySpec(key, ALGORITHM))
                    .doFinal(card.digits().getBytes(StandardCharsets.US_ASCII))));
  }

  static void checkKey(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("A fingerprint key must be at least 32 bytes.");
    }
  }

  static Mac keyed(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available.", e);
    }
  }
}
