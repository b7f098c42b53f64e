// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.audit.AuditRecord;
import org.phonebank.officer.audit.AuditTrail;

/**
 * Cards locked out of the phone channel, part of the officer's desk. {@code GET /api/lockouts}
 * lists them masked; {@code POST /api/lockouts/{fingerprint}/unlock} lifts a lock in the name of
 * the signed-in officer or supervisor, and the audit trail records it.
 */
@RequestScoped
@Path("lockouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({OfficerRoles.OFFICER, OfficerRoles.SUPERVISOR})
public class LockoutResource {

  @Inject private CardLockouts lockouts;

  @Inject private AuditTrail audit;

  @Context private SecurityContext security;

  @GET
  public List<LockedCardView> locked() {
    return desk().locked().stream().map(LockedCardView::of).toList();
  }

  @POST
  @Path("{fingerprint}/unlock")
  public Response unlock(@PathParam("fingerprint") String fingerprint) {
    String officer = security.getUserPrincipal().getName();
    Optional<String> card =
        desk().locked().stream()
            .filter(locked -> locked.fingerprint().hex().equals(fingerprint))
            .map(locked -> locked.maskedCard())
            .findFirst();
    return switch (desk().unlock(fingerprint, officer)) {
      case UNLOCKED -> {
        audit.append(
            new AuditRecord(Instant.now(), officer, AuditAction.UNLOCK, card, "phone channel"));
        yield Response.noContent().build();
      }
      case NOT_LOCKED -> error(Response.Status.NOT_FOUND, "That card is not locked.");
      case NOT_A_FINGERPRINT ->
          error(Response.Status.BAD_REQUEST, "A card fingerprint is 64 lower-case hex digits.");
    };
  }

  private LockoutDesk desk() {
    return new LockoutDesk(lockouts);
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
