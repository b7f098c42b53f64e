// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.util.Objects;

/** What became of one sending of a stored advice (0420/0421). */
public sealed interface AdviceReply {

  /**
   * The switch answered 0430 with a code that counts as acknowledged: the advice leaves the queue.
   */
  record Acknowledged(String responseCode) implements AdviceReply {
    public Acknowledged {
      Objects.requireNonNull(responseCode, "Response code is required.");
    }
  }

  /** No link, no answer, a bad MAC, or a retry code: send it again later, as a repeat. */
  record Unacknowledged(String reason) implements AdviceReply {}
}
