// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.wallboard.rest;

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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.phonebank.officer.LiveFeed;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.wallboard.Wallboard;
import org.phonebank.officer.wallboard.WallboardView;

/**
 * The supervisor's wallboard, supervisors only: {@code GET /officer/api/wallboard} the {@link
 * WallboardView} now (JSON); {@code GET /officer/api/wallboard/events} the same as server-sent
 * events {@code wallboard}, looked at every {@value #LOOK_MILLIS} ms and sent when it changed
 * (waits grow by the second while anyone waits).
 */
@RequestScoped
@Path("wallboard")
@RolesAllowed(OfficerRoles.SUPERVISOR)
public class WallboardResource {

  static final long LOOK_MILLIS = 2000;

  @Inject private Wallboard wallboard;

  @Resource private ManagedScheduledExecutorService scheduler;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public WallboardView now() {
    return wallboard.view();
  }

  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    Wallboard board = wallboard;
    LiveFeed.follow(sink, sse, scheduler, "wallboard", LOOK_MILLIS, board::view);
  }
}
