// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.backoffice.rest;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.phonebank.backoffice.SettlementDesk;
import org.phonebank.backoffice.report.BalanceReportPdf;
import org.phonebank.server.PhoneBankServer;
import org.phonebank.settlement.batch.Reconciliations;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.JdbcWorklist;
import org.phonebank.settlement.jdbc.Receipt;
import org.phonebank.settlement.report.BalanceReport;
import org.phonebank.settlement.worklist.Resolutions;
import org.phonebank.settlement.worklist.Worklist;

/**
 * Where the back-office console meets the server: it produces the ports the back-office resources
 * inject (the settlement desk, the worklist and its rules) on the server's reconciliation and
 * database. Resources never see the server itself.
 */
@ApplicationScoped
public class BackOfficePorts {

  @EJB private PhoneBankServer server;

  @EJB private Reconciliations reconciliations;

  @Produces
  @Dependent
  public Worklist worklist() {
    return new JdbcWorklist(server.dataSource());
  }

  @Produces
  @Dependent
  public Resolutions resolutions() {
    return new Resolutions(worklist(), Clock.systemUTC());
  }

  @Produces
  @Dependent
  public SettlementDesk settlementDesk() {
    JdbcReconciliationRuns runs =
        new JdbcReconciliationRuns(server.dataSource(), Clock.systemUTC());
    return new SettlementDesk() {
      @Override
      public long maxFileBytes() {
        return reconciliations.maxFileBytes();
      }

      @Override
      public Receipt receive(String fileName, String user, byte[] content) {
        // Unlike a file dropped in the inbox, an upload only loads: the user starts the run.
        return reconciliations.receive(fileName, user, content);
      }

      @Override
      public long startRun(LocalDate businessDate) {
        try {
          return reconciliations.startRun(businessDate);
        } catch (EJBException e) {
          // The singleton's "no file loaded" reaches us wrapped as a system exception.
          for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException noFile) {
              throw noFile;
            }
          }
          throw e;
        }
      }

      @Override
      public List<JdbcReconciliationRuns.Run> recentRuns(int limit) {
        return runs.recent(limit);
      }

      @Override
      public Optional<JdbcReconciliationRuns.Progress> progress(long runId) {
        return runs.progress(runId);
      }

      @Override
      public List<JdbcReconciliationRuns.Day> daily(LocalDate first, LocalDate last) {
        return runs.daily(first, last);
      }

      @Override
      public Optional<LocalDate> lastCompletedDate() {
        return runs.lastCompletedDate();
      }

      @Override
      public String reportCsv(long runId) {
        return reconciliations.reportCsv(runId);
      }

      @Override
      public BalanceReport balanceReport(long runId) {
        return reconciliations.balanceReport(runId);
      }
    };
  }

  private volatile BalanceReportPdf pdf;

  /**
   * The PDF writer, with the Persian font the console serves, read once. Dependent (the writer is a
   * final class, which a normal scope could not proxy), but kept here, where it lives as long as
   * the application; two first requests at once at worst read the font twice.
   */
  @Produces
  @Dependent
  public BalanceReportPdf balanceReportPdf(ServletContext context) {
    BalanceReportPdf writer = pdf;
    if (writer == null) {
      writer =
          new BalanceReportPdf(
              font(context, "NotoSansArabic-Regular.ttf"),
              font(context, "NotoSansArabic-Bold.ttf"));
      pdf = writer;
    }
    return writer;
  }

  private static byte[] font(ServletContext context, String name) {
    try (InputStream in = context.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("The console has no font " + name + ".");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the font " + name + ".", e);
    }
  }
}
