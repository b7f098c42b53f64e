// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /officer/api/me}: who is signed in and which console roles they hold, {@code
 * {"user":"supervisor","roles":["supervisor"]}}. The pages use it to remember the user's language
 * and to show only the links their roles may follow; the server still checks every request.
 */
@RequestScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({OfficerRoles.OFFICER, OfficerRoles.SUPERVISOR})
public class MeResource {

  @Context private SecurityContext security;

  /** The signed-in console user. */
  public record Me(String user, List<String> roles) {}

  @GET
  public Me me() {
    return new Me(
        security.getUserPrincipal().getName(),
        Stream.of(OfficerRoles.OFFICER, OfficerRoles.SUPERVISOR, OfficerRoles.BACKOFFICE)
            .filter(security::isUserInRole)
            .toList());
  }
}
