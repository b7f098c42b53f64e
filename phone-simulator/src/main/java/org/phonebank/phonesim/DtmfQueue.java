// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A channel's queue of keys the caller pressed and no application has read yet, as FreeSWITCH keeps
 * it in {@code src/switch_channel.c}. {@code switch_channel_queue_dtmf} marks a key sensitive when
 * {@code sensitive_dtmf} is true <em>at the moment the key is queued</em>; {@code
 * switch_channel_dequeue_dtmf} raises the DTMF event only for a key not so marked, when an
 * application reads it. A key typed while the variable was false therefore reaches a DTMF event
 * even if the variable is true again by the time the key is read.
 */
final class DtmfQueue {

  /** One queued key and whether it was queued while {@code sensitive_dtmf} was true. */
  record Key(char digit, boolean sensitive) {
    @Override
    public String toString() {
      return sensitive ? "Key[S]" : "Key[" + digit + "]";
    }
  }

  private final Deque<Key> keys = new ArrayDeque<>();

  void queue(char digit, boolean sensitiveNow) {
    keys.addLast(new Key(digit, sensitiveNow));
  }

  Optional<Key> dequeue() {
    return Optional.ofNullable(keys.pollFirst());
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  int size() {
    return keys.size();
  }
}
