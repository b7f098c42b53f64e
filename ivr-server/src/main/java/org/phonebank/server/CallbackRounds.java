// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

  private final Periodic rounds;
  private final ExecutorService calls;
  private final CallbackDialler dialler;

  CallbackRounds(ThreadFactory threads, Escalations escalations, CallbackDialler dialler) {
    Objects.requireNonNull(escalations, "Escalations are required.");
    this.dialler = Objects.requireNonNull(dialler, "Callback dialler is required.");
    Callbacks callbacks = escalations.callbacks();
    calls =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "phonebank-callback-call");
              thread.setDaemon(true);
              return thread;
            });
    rounds =
        Periodic.every(
            threads,
            "callback-rounds",
            "Callback round",
            callbacks.interval(),
            () -> {
              escalations.dispatchCallbacks();
              for (CallbackCall call : callbacks.claim()) {
                calls.execute(() -> dialler.place(call, callbacks));
              }
            });
  }

  @Override
  public void close() {
    rounds.close();
    calls.shutdownNow();
    dialler.close();
  }
}
