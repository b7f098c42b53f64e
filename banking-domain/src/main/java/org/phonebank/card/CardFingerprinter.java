// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.card;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints cards under one key for a store that does it on every write. {@link
 * CardFingerprint#of} looks up and keys a new {@code Mac} each time, which costs more than the
 * HMAC; a {@code Mac} is not thread-safe, so one shared instance would need a lock every call
 * queues on. Here each caller borrows a keyed {@code Mac} of its own from a free list and puts it
 * back, so there are at most as many as callers at once and none is shared. A free list rather than
 * a thread-local, because an application server's pooled threads would keep a thread-local's keyed
 * {@code Mac}, and the key in it, after the application is gone.
 */
public final class CardFingerprinter {

  private final SecretKeySpec key;
  private final Queue<Mac> free = new ConcurrentLinkedQueue<>();

  /**
   * @param key the bank's fingerprint secret, at least 32 bytes; copied
   */
  public CardFingerprinter(byte[] key) {
    CardFingerprint.checkKey(key);
    this.key = new SecretKeySpec(key.clone(), CardFingerprint.ALGORITHM);
  }

  public CardFingerprint of(CardNumber card) {
    Mac mac = free.poll();
    if (mac == null) {
      mac = CardFingerprint.keyed(key);
    }
    try {
      return new CardFingerprint(
          HexFormat.of().formatHex(mac.doFinal(card.digits().getBytes(StandardCharsets.US_ASCII))));
    } finally {
      // doFinal leaves the Mac reset for its next use.
      free.add(mac);
    }
  }
}
