// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short task run every interval, first one interval from now, on a scheduled executor: in Payara
 * the container's managed one ({@code ManagedScheduledExecutorService}, so the task runs with the
 * application's context and the container owns the thread), in tests a plain one. A run that throws
 * is logged and the next still comes, since an exception would otherwise cancel the schedule for
 * good (a bad database minute must not stop a sweep). Closing cancels the schedule only: a managed
 * executor is the container's to shut down.
 */
final class Periodic implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

  private final ScheduledFuture<?> schedule;

  private Periodic(ScheduledFuture<?> schedule) {
    this.schedule = schedule;
  }

  /**
   * Runs {@code task} every {@code interval} (from the end of one run to the start of the next).
   *
   * @param what names the task in the log, e.g. "Journal sweep"
   */
  static Periodic every(
      ScheduledExecutorService executor, String what, Duration interval, Runnable task) {
    Objects.requireNonNull(executor, "Scheduled executor is required.");
    Objects.requireNonNull(what, "The task's name is required.");
    Objects.requireNonNull(task, "Task is required.");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(what + " needs a positive interval, was " + interval);
    }
    long millis = interval.toMillis();
    return new Periodic(
        executor.scheduleWithFixedDelay(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, what + " failed; next in " + interval, e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS));
  }

  /** Whether the schedule still runs. */
  boolean isScheduled() {
    return !schedule.isDone();
  }

  /** Cancels the schedule; a run under way finishes (it is not interrupted mid-transaction). */
  @Override
  public void close() {
    schedule.cancel(false);
  }
}
