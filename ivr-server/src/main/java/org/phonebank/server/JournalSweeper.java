// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.phonebank.journal.JournalledSwitch;

/**
 * Runs {@link JournalledSwitch#sweep} every {@code interval} for as long as the phone bank runs, so
 * a bookkeeping write that failed mid-call (not only a crash) is settled within one interval, not
 * at the next restart. A request younger than {@code inFlight} may still be waiting for its answer
 * and is left alone.
 */
final class JournalSweeper implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(JournalSweeper.class.getName());

  private final Periodic periodic;

  JournalSweeper(
      ThreadFactory threads,
      JournalledSwitch journalled,
      Clock clock,
      Duration interval,
      Duration inFlight) {
    Objects.requireNonNull(journalled, "Journalled switch is required.");
    Objects.requireNonNull(clock, "Clock is required.");
    periodic =
        Periodic.every(
            threads,
            "journal-sweeper",
            "Journal sweep",
            interval,
            () -> {
              int changed = journalled.sweep(clock.instant().minus(inFlight));
              if (changed > 0) {
                LOG.log(
                    System.Logger.Level.WARNING, "Journal sweep settled " + changed + " step(s)");
              }
            });
  }

  @Override
  public void close() {
    periodic.close();
  }
}
