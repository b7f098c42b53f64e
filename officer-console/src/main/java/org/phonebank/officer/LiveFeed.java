// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A console view as server-sent events: the view is looked at every {@code lookMillis} ms and sent
 * as JSON in an event named {@code event} whenever it changed; a comment every {@value
 * #LOOKS_PER_KEEPALIVE} unchanged looks finds a closed page, whose stream then stops. The queues
 * live in the shared database, so any node's change reaches the page this way, with no message bus.
 * A {@link Refused} from the view is sent as an event {@code refused} with its words, and ends the
 * stream.
 */
public final class LiveFeed {

  private static final int LOOKS_PER_KEEPALIVE = 20;
  private static final System.Logger LOG = System.getLogger(LiveFeed.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  /** A view that will not be shown to this user any more (its words go to the page). */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  private LiveFeed() {}

  /** Starts following {@code view} into {@code sink} until the page goes or the view refuses. */
  public static void follow(
      SseEventSink sink,
      Sse sse,
      ScheduledExecutorService scheduler,
      String event,
      long lookMillis,
      Supplier<?> view) {
    AtomicReference<String> last = new AtomicReference<>();
    AtomicInteger looks = new AtomicInteger();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Runnable look =
        () -> {
          if (sink.isClosed()) {
            stop(task, sink);
            return;
          }
          try {
            String json = JSON.toJson(view.get());
            if (!json.equals(last.getAndSet(json))) {
              sink.send(sse.newEventBuilder().name(event).data(json).build())
                  .whenComplete((done, failed) -> stopIfFailed(failed, task, sink));
            } else if (looks.incrementAndGet() % LOOKS_PER_KEEPALIVE == 0) {
              sink.send(sse.newEventBuilder().comment("still here").build())
                  .whenComplete((done, failed) -> stopIfFailed(failed, task, sink));
            }
          } catch (Refused refusal) {
            sink.send(sse.newEventBuilder().name("refused").data(refusal.getMessage()).build());
            stop(task, sink);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live " + event + " events stopped.", e);
            stop(task, sink);
          }
        };
    task.set(scheduler.scheduleWithFixedDelay(look, 50, lookMillis, TimeUnit.MILLISECONDS));
  }

  private static void stopIfFailed(
      Throwable failed, AtomicReference<ScheduledFuture<?>> task, SseEventSink sink) {
    if (failed != null) {
      stop(task, sink);
    }
  }

  private static void stop(AtomicReference<ScheduledFuture<?>> task, SseEventSink sink) {
    ScheduledFuture<?> running = task.get();
    if (running != null) {
      running.cancel(false);
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      // Already closed by the client.
    }
  }
}
