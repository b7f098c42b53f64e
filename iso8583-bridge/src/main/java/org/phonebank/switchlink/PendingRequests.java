// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jpos.iso.ISOMsg;

/**
 * Requests waiting for their responses, by match key; a response completes exactly the request it
 * belongs to.
 */
final class PendingRequests {

  private final Map<String, CompletableFuture<ISOMsg>> waiting = new ConcurrentHashMap<>();

  /** A future for the response, or null when a request with the same key is already waiting. */
  CompletableFuture<ISOMsg> register(String key) {
    CompletableFuture<ISOMsg> answer = new CompletableFuture<>();
    return waiting.putIfAbsent(key, answer) == null ? answer : null;
  }

  /**
   * Hands a response to its waiting request; false when none waits (a late or unknown response).
   */
  boolean complete(String key, ISOMsg response) {
    CompletableFuture<ISOMsg> answer = waiting.remove(key);
    return answer != null && answer.complete(response);
  }

  void forget(String key, CompletableFuture<ISOMsg> answer) {
    waiting.remove(key, answer);
  }

  /** The link dropped: every waiting request ends without an answer (completed with null). */
  void abandonAll() {
    waiting
        .keySet()
        .forEach(
            key -> {
              CompletableFuture<ISOMsg> answer = waiting.remove(key);
              if (answer != null) {
                answer.complete(null);
              }
            });
  }

  int size() {
    return waiting.size();
  }
}
