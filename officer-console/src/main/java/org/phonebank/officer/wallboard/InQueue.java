// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller in a queue now (status WAITING, or RINGING an officer who has not answered yet).
 *
 * @param callback the caller asked to be called back and is no longer on the line
 */
public record InQueue(String queue, Instant enqueuedAt, boolean callback) {

  public InQueue {
    Objects.requireNonNull(queue, "Queue is required.");
    Objects.requireNonNull(enqueuedAt, "Enqueue time is required.");
  }
}
