// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.desk.rest.Refusals;
import org.phonebank.settlement.worklist.ItemId;
import org.phonebank.settlement.worklist.Resolutions;
import org.phonebank.settlement.worklist.Worklist;

/**
 * The worklist's items: {@code GET /api/backoffice/items/{run-group-item}} opens the item's chain
 * (settlement line, journal entry, reversal attempts, call, resolutions, the same entry's items in
 * other runs; audited); {@code POST .../items/{id}/resolutions} {@code
 * {"reason":"WRITE_OFF","note":"...","follows":0}} resolves it (201; 400 bad reason or note, 404 no
 * such item, 409 not an exception, run still going, or resolved meanwhile); {@code GET
 * /api/backoffice/journal/{entryId}/items} leads from a journal entry back to its items.
 */
@RequestScoped
@Path("backoffice")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.BACKOFFICE)
public class ItemResource {

  /** Body of a resolution. */
  public static class Resolve {
    public String reason;
    public String note;
    public Integer follows;
  }

  @Inject private Worklist worklist;

  @Inject private Resolutions resolutions;

  @Inject private BackOfficeAudit audit;

  @GET
  @Path("items/{id}")
  public Response chain(@PathParam("id") String id) {
    ItemId item;
    try {
      item = ItemId.parse(id);
    } catch (IllegalArgumentException bad) {
      return Refusals.error(Response.Status.BAD_REQUEST, bad.getMessage());
    }
    return worklist
        .chain(item)
        .map(
            chain -> {
              audit.record(AuditAction.VIEW_ITEM, "item " + item + " " + chain.item().kind());
              return Response.ok(Views.ChainView.of(chain)).build();
            })
        .orElseGet(() -> noSuchItem(item.toString()));
  }

  @POST
  @Path("items/{id}/resolutions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response resolve(@PathParam("id") String id, Resolve body) {
    ItemId item;
    try {
      item = ItemId.parse(id);
    } catch (IllegalArgumentException bad) {
      return Refusals.error(Response.Status.BAD_REQUEST, bad.getMessage());
    }
    if (body == null || body.follows == null || body.follows < 0) {
      return Refusals.error(
          Response.Status.BAD_REQUEST,
          "A resolution has a reason, a note and the number of resolutions it follows.");
    }
    Resolutions.Outcome outcome =
        resolutions.resolve(item, body.reason, body.note, audit.user(), body.follows);
    if (outcome instanceof Resolutions.Resolved resolved) {
      audit.record(
          AuditAction.RESOLVE_ITEM,
          "item "
              + item
              + " #"
              + resolved.resolution().seq()
              + " "
              + resolved.resolution().reason());
      return Response.status(Response.Status.CREATED)
          .entity(Views.ResolutionView.of(resolved.resolution()))
          .build();
    }
    Resolutions.Refused refused = (Resolutions.Refused) outcome;
    Response.Status status =
        switch (refused.refusal()) {
          case BAD_INPUT -> Response.Status.BAD_REQUEST;
          case UNKNOWN_ITEM -> Response.Status.NOT_FOUND;
          case NOT_AN_EXCEPTION, RUN_NOT_COMPLETED, CHANGED_MEANWHILE -> Response.Status.CONFLICT;
        };
    return Refusals.error(status, refused.message());
  }

  @GET
  @Path("journal/{entryId}/items")
  public Response itemsOfEntry(@PathParam("entryId") long entryId) {
    return Response.ok(
            worklist.itemsOfJournalEntry(entryId).stream().map(Views.ItemView::of).toList())
        .build();
  }

  private static Response noSuchItem(String id) {
    return Refusals.error(Response.Status.NOT_FOUND, "There is no item " + id + ".");
  }
}
