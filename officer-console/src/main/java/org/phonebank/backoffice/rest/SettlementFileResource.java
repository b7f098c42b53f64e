// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phonebank.backoffice.BoundedUpload;
import org.phonebank.backoffice.SettlementDesk;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.desk.rest.Refusals;
import org.phonebank.settlement.jdbc.Receipt;

/**
 * {@code POST /api/backoffice/files?name=switch-2026-05-06.txt} with the file's bytes as the body
 * ({@code application/octet-stream}): the file is read as data, never more than the size limit
 * ({@code phonebank.reconciliation.max-file-bytes}, 413 past it, nothing stored), and checked
 * whole. Answers {@code {"outcome":"LOADED","fileId":..,"businessDate":..,"details":..}} (201),
 * {@code {"outcome":"DUPLICATE","fileId":..}} (200: the same content was loaded before, whatever
 * its name) or {@code {"outcome":"QUARANTINED","fileId":..,"errors":[{"line":..,"message":..}]}}
 * (422: nothing loaded, every error by line; line 0 is the file as a whole).
 */
@RequestScoped
@Path("backoffice/files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.BACKOFFICE)
public class SettlementFileResource {

  private static final int MAX_NAME = 255;
  private static final int UNPROCESSABLE = 422;

  @Inject private SettlementDesk desk;

  @Inject private BackOfficeAudit audit;

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  public Response upload(
      @QueryParam("name") String name, @HeaderParam("Content-Length") Long length, InputStream body)
      throws IOException {
    if (name == null || name.isBlank() || name.length() > MAX_NAME || !plain(name)) {
      return Refusals.error(
          Response.Status.BAD_REQUEST,
          "Name the file: 1 to " + MAX_NAME + " characters, no markup or control characters.");
    }
    long limit = desk.maxFileBytes();
    if (length != null && length > limit) {
      return tooLarge(limit);
    }
    byte[] content;
    try {
      content = BoundedUpload.read(body, limit);
    } catch (BoundedUpload.TooLarge tooLarge) {
      return tooLarge(limit);
    }
    Receipt receipt = desk.receive(name, audit.user(), content);
    Map<String, Object> answer = new LinkedHashMap<>();
    int status;
    if (receipt instanceof Receipt.Loaded loaded) {
      answer.put("outcome", "LOADED");
      answer.put("fileId", loaded.fileId());
      answer.put("businessDate", loaded.businessDate().toString());
      answer.put("details", loaded.details());
      status = 201;
    } else if (receipt instanceof Receipt.Duplicate duplicate) {
      answer.put("outcome", "DUPLICATE");
      answer.put("fileId", duplicate.loadedAs());
      status = 200;
    } else {
      Receipt.Quarantined quarantined = (Receipt.Quarantined) receipt;
      answer.put("outcome", "QUARANTINED");
      answer.put("fileId", quarantined.fileId());
      List<Map<String, Object>> errors =
          quarantined.errors().stream()
              .map(e -> Map.<String, Object>of("line", e.line(), "message", e.message()))
              .toList();
      answer.put("errors", errors);
      status = UNPROCESSABLE; // Response.Status names no 422
    }
    audit.record(
        AuditAction.SETTLEMENT_UPLOAD, answer.get("outcome") + " file " + answer.get("fileId"));
    return Response.status(status).entity(answer).build();
  }

  private static Response tooLarge(long limit) {
    return Refusals.error(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "A settlement file is at most " + limit + " bytes: nothing was stored.");
  }

  private static boolean plain(String name) {
    return name.chars().noneMatch(c -> c == '<' || c == '>' || Character.isISOControl(c));
  }
}
