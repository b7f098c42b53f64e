// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.journal.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transmission times of the journal entries this node is opening now: written, perhaps, but not
 * yet known to be committed. The journal's mark ({@link JdbcJournal#swept}) never passes the oldest
 * of them, since a row not yet committed is one the mark's read cannot see.
 */
final class OpensInProgress {

  private final Map<Object, Instant> opens = new ConcurrentHashMap<>();

  /**
   * An open of an entry transmitted at {@code transmittedAt} begins; hand the token to {@link
   * #end}.
   */
  Object begin(Instant transmittedAt) {
    Objects.requireNonNull(transmittedAt, "Transmission time is required.");
    Object token = new Object();
    opens.put(token, transmittedAt);
    return token;
  }

  /** The open {@code token} stands for returned, committed or failed. */
  void end(Object token) {
    opens.remove(token);
  }

  /** The transmission time of the oldest open in progress, if any. */
  Optional<Instant> oldest() {
    return opens.values().stream().min(Instant::compareTo);
  }
}
