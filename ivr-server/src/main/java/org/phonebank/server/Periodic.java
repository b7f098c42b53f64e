// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A short task run every interval, first one interval from now, on a scheduled executor of its own
 * whose one thread comes from {@code threads}: in Payara the container's {@code
 * ManagedThreadFactory}, so the container knows the thread and the task runs with the application's
 * context. Not on the container's shared {@code ManagedScheduledExecutorService}: Payara's default
 * one has 0 core threads (so as few as one thread), which the consoles' live views
 * (officer-console's SSE feeds) also tick on, and a node heartbeat waiting behind them could make
 * the other nodes take over a live node. A run that throws is logged and the next still comes,
 * since an exception would otherwise cancel the schedule for good (a bad database minute must not
 * stop a sweep). Closing stops the thread.
 */
final class Periodic implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

  private final ScheduledExecutorService timer;

  private Periodic(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Runs {@code task} every {@code interval} (from the end of one run to the start of the next) on
   * a thread named {@code phonebank-<name>}.
   *
   * @param what names the task in the log, e.g. "Journal sweep"
   */
  static Periodic every(
      ThreadFactory threads, String name, String what, Duration interval, Runnable task) {
    Objects.requireNonNull(threads, "Thread factory is required.");
    Objects.requireNonNull(name, "The thread's name is required.");
    Objects.requireNonNull(what, "The task's name is required.");
    Objects.requireNonNull(task, "Task is required.");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(what + " needs a positive interval, was " + interval);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = threads.newThread(runnable);
              thread.setName("phonebank-" + name);
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, what + " failed; next in " + interval, e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    return new Periodic(timer);
  }

  /** Whether the schedule still runs. */
  boolean isScheduled() {
    return !timer.isShutdown();
  }

  /** Stops the schedule and its thread (a run under way is interrupted). */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
