// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.desk.Desk;
import org.phonebank.officer.desk.DeskRefusal;

/**
 * {@code GET /officer/api/desk/events}: the signed-in officer's desk as server-sent events. An
 * event {@code desk} carries the {@code DeskView} as JSON whenever it changes (a call offered, the
 * offer ended, the call ended, the state changed), looked at every {@value #LOOK_MILLIS} ms; a
 * comment every few seconds finds a closed page, whose stream then stops. The queues live in the
 * shared database, so any node's change reaches the page this way, with no message bus.
 */
@RequestScoped
@Path("desk/events")
@RolesAllowed(OfficerRoles.OFFICER)
public class DeskEvents {

  static final long LOOK_MILLIS = 500;
  private static final int LOOKS_PER_KEEPALIVE = 20;
  private static final System.Logger LOG = System.getLogger(DeskEvents.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject private Desk desk;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Context private SecurityContext security;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    String officer = security.getUserPrincipal().getName();
    Desk ownDesk = desk;
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
            String view = JSON.toJson(ownDesk.view(officer));
            if (!view.equals(last.getAndSet(view))) {
              sink.send(sse.newEventBuilder().name("desk").data(view).build())
                  .whenComplete((done, failed) -> stopIfFailed(failed, task, sink));
            } else if (looks.incrementAndGet() % LOOKS_PER_KEEPALIVE == 0) {
              sink.send(sse.newEventBuilder().comment("still here").build())
                  .whenComplete((done, failed) -> stopIfFailed(failed, task, sink));
            }
          } catch (DeskRefusal refusal) {
            sink.send(sse.newEventBuilder().name("refused").data(refusal.getMessage()).build());
            stop(task, sink);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Desk events for an officer stopped.", e);
            stop(task, sink);
          }
        };
    task.set(scheduler.scheduleWithFixedDelay(look, 50, LOOK_MILLIS, TimeUnit.MILLISECONDS));
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
