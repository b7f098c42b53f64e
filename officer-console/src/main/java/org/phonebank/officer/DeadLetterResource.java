// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
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
import org.phonebank.saf.DeadLetter;
import org.phonebank.saf.DeadLetters;
import org.phonebank.server.PhoneBankServer;

/**
 * Reversals store-and-forward set aside (docs/money-movement.md). {@code GET /api/dead-letters}
 * lists them (ids and reason only, no card data); {@code POST /api/dead-letters/{entry}/retry}
 * queues one again; {@code POST /api/dead-letters/{entry}/close} with a plain-text reason records
 * that it was settled with the switch by other means, in the signed-in officer's name, and the
 * journal entry becomes REVERSED. A page for it belongs to the back-office console; until then this
 * API is the operator's hook.
 */
@RequestScoped
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.OFFICER)
public class DeadLetterResource {

  private static final int LISTED = 500;

  @EJB private PhoneBankServer server;

  @Context private SecurityContext security;

  /** A dead letter as the console shows it. */
  public record DeadLetterView(
      long journalEntryId, String stan, String rrn, int attempts, String since, String reason) {

    static DeadLetterView of(DeadLetter dead) {
      return new DeadLetterView(
          dead.journalEntryId(),
          dead.stan().toString(),
          dead.rrn().value(),
          dead.attempts(),
          dead.since().toString(),
          dead.reason());
    }
  }

  @GET
  public List<DeadLetterView> deadLetters() {
    return desk().deadLetters(LISTED).stream().map(DeadLetterView::of).toList();
  }

  @POST
  @Path("{entry}/retry")
  public Response retry(@PathParam("entry") long entry) {
    return desk().retry(entry) ? Response.noContent().build() : notFound();
  }

  @POST
  @Path("{entry}/close")
  @Consumes(MediaType.TEXT_PLAIN)
  public Response close(@PathParam("entry") long entry, String reason) {
    if (reason == null || reason.isBlank()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", "Say how the reversal was settled."))
          .build();
    }
    String officer = security.getUserPrincipal().getName();
    return desk().close(entry, officer + ": " + reason.strip())
        ? Response.noContent().build()
        : notFound();
  }

  private DeadLetters desk() {
    return server.deadLetters();
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", "That journal entry has no dead letter."))
        .build();
  }
}
