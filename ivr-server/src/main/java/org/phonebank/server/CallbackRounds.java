// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.phonebank.call.esl.CallbackDialler;
import org.phonebank.escalation.CallbackCall;
import org.phonebank.escalation.Callbacks;
import org.phonebank.escalation.Escalations;

/**
 * Every poll interval: one routing round for callbacks (so an officer who becomes free is offered a
 * callback even when no caller is on hold to start one; {@link Escalations#dispatchCallbacks}),
 * then the callbacks this node claimed are placed, each on a thread of its own for as long as its
 * conversation lasts. Every node runs this; the store's claim makes sure one node places each call.
 */
final class CallbackRounds implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CallbackRounds.class.getName());

  private final ScheduledExecutorService timer;
  private final ExecutorService calls;
  private final CallbackDialler dialler;

  CallbackRounds(Escalations escalations, CallbackDialler dialler) {
    Objects.requireNonNull(escalations, "Escalations are required.");
    this.dialler = Objects.requireNonNull(dialler, "Callback dialler is required.");
    Callbacks callbacks = escalations.callbacks();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "phonebank-callback-rounds");
              thread.setDaemon(true);
              return thread;
            });
    calls =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "phonebank-callback-call");
              thread.setDaemon(true);
              return thread;
            });
    long millis = callbacks.interval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          // An exception would cancel the schedule: the rounds must outlive a bad database minute.
          try {
            escalations.dispatchCallbacks();
            for (CallbackCall call : callbacks.claim()) {
              calls.execute(() -> dialler.place(call, callbacks));
            }
          } catch (RuntimeException e) {
            LOG.log(
                System.Logger.Level.ERROR, "Callback round failed; next in " + millis + " ms", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    calls.shutdownNow();
    dialler.close();
  }
}
