// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.phonebank.backoffice.SettlementDesk;
import org.phonebank.backoffice.report.BalanceReportPdf;
import org.phonebank.officer.OfficerRoles;
import org.phonebank.officer.audit.AuditAction;
import org.phonebank.officer.desk.rest.Refusals;
import org.phonebank.settlement.DifferenceKind;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.worklist.WorkItemStatus;
import org.phonebank.settlement.worklist.Worklist;
import org.phonebank.settlement.worklist.WorklistQuery;

/**
 * Reconciliation runs: {@code GET /api/backoffice/runs} (the latest 30 with their progress), {@code
 * POST /api/backoffice/runs} {@code {"businessDate":"2026-05-06"}} (starts a run against the date's
 * latest loaded file; 202 with its id, 409 when no file is loaded), {@code GET .../runs/{id}} (its
 * progress: groups done of all, items, matched, exceptions, per kind; the page polls it), {@code
 * GET .../runs/{id}/report.csv} and {@code .../report.pdf} (once completed) and {@code GET
 * .../runs/{id}/items?kind=&status= &offset=&limit=} (its exceptions).
 */
@RequestScoped
@Path("backoffice/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OfficerRoles.BACKOFFICE)
public class RunResource {

  private static final int LISTED = 30;
  static final int CHARTED = 30;

  /** Body of a run request. */
  public static class StartRun {
    public String businessDate;
  }

  @Inject private SettlementDesk desk;

  @Inject private Worklist worklist;

  @Inject private BackOfficeAudit audit;

  @Inject private BalanceReportPdf pdf;

  @GET
  public List<Views.RunView> runs() {
    return desk.recentRuns(LISTED).stream()
        .map(run -> desk.progress(run.id()))
        .flatMap(Optional::stream)
        .map(Views.RunView::of)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(StartRun body) {
    LocalDate date;
    try {
      if (body == null || body.businessDate == null || body.businessDate.length() != 10) {
        throw new DateTimeParseException("not a date", "", 0);
      }
      date = LocalDate.parse(body.businessDate);
    } catch (DateTimeParseException bad) {
      return Refusals.error(
          Response.Status.BAD_REQUEST, "A business date is yyyy-MM-dd, e.g. 2026-05-06.");
    }
    long runId;
    try {
      runId = desk.startRun(date);
    } catch (IllegalStateException noFile) {
      return Refusals.error(Response.Status.CONFLICT, noFile.getMessage());
    }
    audit.record(AuditAction.RECONCILIATION_RUN, "run " + runId + " of " + date);
    return Response.accepted(Map.of("id", runId)).build();
  }

  /**
   * Items (the day's volume) and exceptions per business date over the {@value #CHARTED} business
   * dates ending at {@code to} (default: the latest reconciled date), for the console's chart.
   */
  @GET
  @Path("daily")
  public Response daily(@QueryParam("to") String to) {
    LocalDate last;
    try {
      last =
          to == null || to.isBlank()
              ? desk.lastCompletedDate().orElse(LocalDate.now(Views.TEHRAN))
              : LocalDate.parse(to.strip());
    } catch (DateTimeParseException bad) {
      return Refusals.error(
          Response.Status.BAD_REQUEST, "A business date is yyyy-MM-dd, e.g. 2026-05-06.");
    }
    LocalDate first = last.minusDays(CHARTED - 1);
    return Response.ok(Views.DailyView.of(first, last, desk.daily(first, last))).build();
  }

  @GET
  @Path("{id}")
  public Response run(@PathParam("id") long id) {
    return desk.progress(id)
        .map(progress -> Response.ok(Views.RunView.of(progress)).build())
        .orElseGet(() -> noSuchRun(id));
  }

  @GET
  @Path("{id}/report.csv")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response report(@PathParam("id") long id) {
    return download(id, "csv", "text/csv; charset=UTF-8", () -> desk.reportCsv(id).getBytes(UTF_8));
  }

  /** The balance report as PDF (Persian and English; docs/back-office.md). */
  @GET
  @Path("{id}/report.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response reportPdf(@PathParam("id") long id) {
    return download(
        id, "pdf", "application/pdf", () -> pdf.write(desk.balanceReport(id), Instant.now()));
  }

  /** The report of completed run {@code id} as an attachment; 404 or 409 when there is none. */
  private Response download(long id, String extension, String type, Supplier<byte[]> content) {
    return completed(id)
        .map(
            run ->
                Response.ok(content.get())
                    .type(type)
                    .header("Content-Disposition", attachment(run, extension))
                    .build())
        .orElseGet(() -> refusal(id));
  }

  private Optional<JdbcReconciliationRuns.Run> completed(long id) {
    return desk.progress(id)
        .map(JdbcReconciliationRuns.Progress::run)
        .filter(run -> "COMPLETED".equals(run.state()));
  }

  /** Why run {@code id} has no report: there is no such run (404), or it is not completed (409). */
  private Response refusal(long id) {
    return desk.progress(id)
        .map(
            progress ->
                Refusals.error(
                    Response.Status.CONFLICT,
                    "Run " + id + " is " + progress.run().state() + ": no report yet."))
        .orElseGet(() -> noSuchRun(id));
  }

  private static String attachment(JdbcReconciliationRuns.Run run, String extension) {
    return "attachment; filename=\""
        + run.businessDate()
        + "-"
        + run.terminalId()
        + "-run"
        + run.id()
        + "."
        + extension
        + "\"";
  }

  @GET
  @Path("{id}/items")
  public Response items(
      @PathParam("id") long id,
      @QueryParam("kind") String kind,
      @QueryParam("status") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (desk.progress(id).isEmpty()) {
      return noSuchRun(id);
    }
    WorklistQuery query;
    try {
      query =
          new WorklistQuery(
              id,
              named(kind).map(DifferenceKind::valueOf),
              named(status).map(WorkItemStatus::valueOf),
              offset,
              limit);
    } catch (IllegalArgumentException bad) {
      return Refusals.error(
          Response.Status.BAD_REQUEST,
          "Filter by a difference kind, a status (OPEN, CHASING, CLOSED), an offset of 0 or more"
              + " and a limit of 1 to "
              + WorklistQuery.MAX_LIMIT
              + ".");
    }
    return Response.ok(worklist.items(query).stream().map(Views.ItemView::of).toList()).build();
  }

  private static Optional<String> named(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(value.strip().toUpperCase(Locale.ROOT));
  }

  private static Response noSuchRun(long id) {
    return Refusals.error(Response.Status.NOT_FOUND, "There is no run " + id + ".");
  }
}
