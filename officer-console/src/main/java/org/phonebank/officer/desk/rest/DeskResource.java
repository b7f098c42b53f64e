// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer.desk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.desk.Desk;
import org.phonebank.officer.desk.DeskRefusal;
import org.phonebank.officer.desk.DeskView;
import org.phonebank.officer.desk.ScreenPop;
import org.phonebank.officer.desk.TransferTargets;

/**
 * The officer's desk under {@code /officer/api/desk}, always for the signed-in officer: {@code GET}
 * the desk; {@code POST status} ({@code {"status":"READY"|"AWAY"}}); {@code POST
 * offers/{id}/accept} and {@code .../refuse}; {@code GET callers/{entryId}} the screen-pop
 * (audited); {@code GET transfer-targets} (queues and other officers); {@code POST
 * callers/{entryId}/transfer} ({@code {"queue":...}} or {@code {"officer":...}}); {@code POST
 * callers/{entryId}/wrap-up} ({@code {"code":..., "note":...}}). Refusals are {@code {"error":
 * "..."}} with 400, 403, 404, 409 or 503.
 */
@RequestScoped
@Path("desk")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.OFFICER)
public class DeskResource {

  /** Body of a state change. */
  public static class StatusChange {
    public String status;
  }

  /** Body of a transfer: a queue or an officer. */
  public static class TransferTo {
    public String queue;
    public String officer;
  }

  /** Body of a wrap-up. */
  public static class WrapUp {
    public String code;
    public String note;
  }

  @Inject private Desk desk;

  @Context private SecurityContext security;

  @GET
  public DeskView desk() {
    return desk.view(officer());
  }

  @POST
  @Path("status")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeskView status(StatusChange change) {
    return desk.setStatus(officer(), change == null ? null : change.status);
  }

  @POST
  @Path("offers/{offerId}/accept")
  public DeskView accept(@PathParam("offerId") long offerId) {
    return desk.accept(officer(), offerId);
  }

  @POST
  @Path("offers/{offerId}/refuse")
  public DeskView refuse(@PathParam("offerId") long offerId) {
    return desk.refuse(officer(), offerId);
  }

  @GET
  @Path("callers/{entryId}")
  public ScreenPop pop(@PathParam("entryId") long entryId) {
    return desk.pop(officer(), entryId);
  }

  @GET
  @Path("transfer-targets")
  public TransferTargets transferTargets() {
    return desk.transferTargets(officer());
  }

  @POST
  @Path("callers/{entryId}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeskView transfer(@PathParam("entryId") long entryId, TransferTo to) {
    if (to == null) {
      throw new DeskRefusal(DeskRefusal.Kind.BAD_INPUT, "A transfer names a queue or an officer.");
    }
    return desk.transfer(officer(), entryId, to.queue, to.officer);
  }

  @POST
  @Path("callers/{entryId}/wrap-up")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeskView wrapUp(@PathParam("entryId") long entryId, WrapUp wrapUp) {
    if (wrapUp == null) {
      throw new DeskRefusal(DeskRefusal.Kind.BAD_INPUT, "A wrap-up has a code and a note.");
    }
    return desk.wrapUp(officer(), entryId, wrapUp.code, wrapUp.note);
  }

  private String officer() {
    return security.getUserPrincipal().getName();
  }
}
