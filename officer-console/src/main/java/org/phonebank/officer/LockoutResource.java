// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.phonebank.server.PhoneBankServer;

/**
 * Cards locked out of the phone channel. {@code GET /api/lockouts} lists them masked; {@code POST
 * /api/lockouts/{fingerprint}/unlock} lifts a lock in the name of the signed-in officer.
 */
// A CDI bean, so that the container injects the phone bank's singleton into it.
@RequestScoped
@Path("lockouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.OFFICER)
public class LockoutResource {

  @EJB private PhoneBankServer server;

  @Context private SecurityContext security;

  @GET
  public List<LockedCardView> locked() {
    return desk().locked().stream().map(LockedCardView::of).toList();
  }

  @POST
  @Path("{fingerprint}/unlock")
  public Response unlock(@PathParam("fingerprint") String fingerprint) {
    String officer = security.getUserPrincipal().getName();
    return switch (desk().unlock(fingerprint, officer)) {
      case UNLOCKED -> Response.noContent().build();
      case NOT_LOCKED -> error(Response.Status.NOT_FOUND, "That card is not locked.");
      case NOT_A_FINGERPRINT ->
          error(Response.Status.BAD_REQUEST, "A card fingerprint is 64 lower-case hex digits.");
    };
  }

  private LockoutDesk desk() {
    return new LockoutDesk(server.lockouts());
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
