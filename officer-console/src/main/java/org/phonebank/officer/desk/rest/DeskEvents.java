// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.phonebank.officer.LiveFeed;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.desk.Desk;
import org.phonebank.officer.desk.DeskRefusal;

/**
 * {@code GET /officer/api/desk/events}: the signed-in officer's desk as server-sent events. An
 * event {@code desk} carries the {@code DeskView} as JSON whenever it changes (a call offered, the
 * offer ended, the call ended, the state changed), looked at every {@value #LOOK_MILLIS} ms (see
 * {@link LiveFeed}); a desk refusal (say, no queues configured) is sent as {@code refused}.
 */
@RequestScoped
@Path("desk/events")
@RolesAllowed(OfficerRoles.OFFICER)
public class DeskEvents {

  static final long LOOK_MILLIS = 500;

  @Inject private Desk desk;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Context private SecurityContext security;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    String officer = security.getUserPrincipal().getName();
    Desk ownDesk = desk;
    LiveFeed.follow(
        sink,
        sse,
        scheduler,
        "desk",
        LOOK_MILLIS,
        () -> {
          try {
            return ownDesk.view(officer);
          } catch (DeskRefusal refusal) {
            throw new LiveFeed.Refused(refusal.getMessage());
          }
        });
  }
}
