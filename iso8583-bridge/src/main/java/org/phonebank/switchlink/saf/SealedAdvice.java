// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.saf;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.phonebank.switchlink.keys.AesKey;

/**
 * Seals a packed advice for storage: AES-GCM under the storage key, a fresh 12-byte nonce first,
 * and the journal entry id as associated data, so a sealed message swapped onto another entry fails
 * to open. Layout: nonce (12) || ciphertext || tag (16).
 */
final class SealedAdvice {

  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SealedAdvice() {}

  static byte[] seal(byte[] packed, long journalEntryId, AesKey storageKey) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    AEADBlockCipher gcm = storageKey.gcm(true, nonce, entryId(journalEntryId));
    byte[] out = new byte[NONCE + gcm.getOutputSize(packed.length)];
    System.arraycopy(nonce, 0, out, 0, NONCE);
    int n = gcm.processBytes(packed, 0, packed.length, out, NONCE);
    try {
      gcm.doFinal(out, NONCE + n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("Cannot seal the advice.", e);
    }
    return out;
  }

  /**
   * @throws IllegalArgumentException when the sealed bytes were altered or belong to another entry
   */
  static byte[] open(byte[] sealed, long journalEntryId, AesKey storageKey) {
    Objects.requireNonNull(sealed, "Sealed advice is required.");
    if (sealed.length < NONCE + 16) {
      throw new IllegalArgumentException("Sealed advice too short.");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE);
    AEADBlockCipher gcm = storageKey.gcm(false, nonce, entryId(journalEntryId));
    byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
    int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
    try {
      n += gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      Arrays.fill(out, (byte) 0);
      throw new IllegalArgumentException("Sealed advice fails its integrity check.");
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static byte[] entryId(long journalEntryId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(journalEntryId).array();
  }
}
