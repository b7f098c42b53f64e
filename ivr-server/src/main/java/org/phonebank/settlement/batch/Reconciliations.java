// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.settlement.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.journal.jdbc.JdbcJournalByBusinessDate;
import org.phonebank.server.PhoneBankServer;
import org.phonebank.settlement.Reconciler;
import org.phonebank.settlement.ReconciliationSettings;
import org.phonebank.settlement.SettlementTotals;
import org.phonebank.settlement.file.LineError;
import org.phonebank.settlement.file.SettlementFileParser;
import org.phonebank.settlement.jdbc.JdbcReconciliationRuns;
import org.phonebank.settlement.jdbc.JdbcSettlementFiles;
import org.phonebank.settlement.jdbc.Receipt;
import org.phonebank.settlement.report.BalanceReport;
import org.phonebank.settlement.report.BalanceReportCsv;
import org.phonebank.settlement.run.RunCursor;

/**
 * Reconciliation inside Payara: receives settlement files (from the inbox folder, later from the
 * back-office console), starts a run of the Jakarta Batch job {@code reconciliation} for a business
 * date on demand or nightly at the cut-over plus a delay (a calendar timer in the bank's zone), and
 * when the application has started ({@link #resumeUnfinished}) goes on with every run a stop or a
 * killed JVM left unfinished, from the checkpoint stored with its items, by restarting its job
 * execution in the batch runtime's repository (kept in the phone bank's own database or state
 * folder, so it outlives a rebuilt domain: docs/decisions.md). Jobs are started and restarted
 * through {@link BatchJobs}, the console's where there is one.
 *
 * <p>The inbox ({@code phonebank.reconciliation.folder}/inbox) takes any file; each is read as data
 * up to the size limit, then moved to {@code loaded/}, {@code duplicate/} or {@code quarantine/}
 * (with its errors by line beside it); a loaded file starts its date's run at once.
 */
@Startup
@Singleton
@DependsOn("PhoneBankServer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// No container transaction: the runs and files are written through the phone bank's own pool, one
// local transaction per chunk, and a job started or restarted inside a transaction would find the
// batch repository's rows of its own execution locked until that transaction ended.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciliations {

  static final String JOB = "reconciliation";

  /** Where the EAR's {@link BatchJobs} is: the console's web module (see there why). */
  static final String JOBS = "java:app/officer-console/ReconciliationJobs";

  private static final System.Logger LOG = System.getLogger(Reconciliations.class.getName());
  private static final String NIGHTLY = "nightly";

  @EJB PhoneBankServer server;
  @Resource TimerService timers;

  private ReconciliationSettings settings;
  private BusinessCalendar calendar;
  private String terminal;
  private JdbcSettlementFiles files;
  private JdbcReconciliationRuns runs;
  private JdbcJournalByBusinessDate journal;
  private Reconciler reconciler;
  private final Clock clock = Clock.systemUTC();

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    settings = ReconciliationSettings.from(key -> config.getOptionalValue(key, String.class));
    calendar = new BusinessCalendar(settings.localZone(), settings.cutOver());
    terminal = server.terminalId();
    files =
        new JdbcSettlementFiles(
            server.dataSource(), new SettlementFileParser(settings.maxFileBytes()), clock);
    runs = new JdbcReconciliationRuns(server.dataSource(), clock);
    journal = new JdbcJournalByBusinessDate(server.dataSource(), calendar);
    reconciler = new Reconciler(settings.localZone());
    LocalTime at = settings.cutOver().plus(settings.runDelay());
    timers.createCalendarTimer(
        new ScheduleExpression()
            .hour(at.getHour())
            .minute(at.getMinute())
            .second(at.getSecond())
            .timezone(settings.localZone().getId()),
        new TimerConfig(NIGHTLY, false));
    timers.createIntervalTimer(
        settings.inboxPoll().toMillis(),
        settings.inboxPoll().toMillis(),
        new TimerConfig("inbox", false));
    LOG.log(
        Level.INFO,
        "Reconciliation ready: nightly at {0} {1}, inbox {2}",
        at,
        settings.localZone(),
        inbox());
  }

  @Timeout
  void onTimer(Timer timer) {
    try {
      if (NIGHTLY.equals(timer.getInfo())) {
        scanInbox();
        nightly();
      } else {
        scanInbox();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Reconciliation timer failed: " + e.getMessage(), e);
    }
  }

  /** The business date that closed at the last cut-over. */
  LocalDate lastClosedDate() {
    return calendar.businessDateOf(clock.instant()).minusDays(1);
  }

  private void nightly() {
    LocalDate closed = lastClosedDate();
    if (files.loadedFile(terminal, closed).isEmpty()) {
      LOG.log(
          Level.WARNING,
          "No settlement file loaded for {0} terminal {1}: nothing to reconcile yet",
          closed,
          terminal);
      return;
    }
    startRun(closed);
  }

  /** Receives a settlement file for this terminal: loaded whole, a duplicate, or quarantined. */
  public Receipt receive(String fileName, String receivedBy, byte[] content) {
    return files.receive(fileName, receivedBy, content, null, terminal);
  }

  /**
   * Starts a run of {@code businessDate} against its latest loaded file.
   *
   * @throws IllegalStateException when no file is loaded for that date
   */
  public long startRun(LocalDate businessDate) {
    long fileId =
        files
            .loadedFile(terminal, businessDate)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No settlement file is loaded for " + businessDate + "."));
    long runId = runs.start(businessDate, terminal, fileId);
    launch(runId);
    return runId;
  }

  private void launch(long runId) {
    jobs().start(JOB, parameters(runId));
  }

  private static BatchJobs jobs() {
    try {
      return (BatchJobs) new InitialContext().lookup(JOBS);
    } catch (NamingException e) {
      // ivr-server deployed without the console: its runs restart only until the next deploy.
      return new DirectBatchJobs();
    }
  }

  /**
   * Goes on with every run a stop or a killed JVM left unfinished; called once the application has
   * started, by the {@code jobs} that restart them.
   */
  public void resumeUnfinished(BatchJobs jobs) {
    for (JdbcReconciliationRuns.Run run : runs.unfinished()) {
      resume(run, jobs);
    }
  }

  private Properties parameters(long runId) {
    Properties parameters = new Properties();
    parameters.setProperty("runId", Long.toString(runId));
    parameters.setProperty("chunkSize", Integer.toString(settings.chunkSize()));
    return parameters;
  }

  /**
   * Goes on with a run a stop or a killed JVM left unfinished: restarts the latest execution of its
   * job instance, as Jakarta Batch means a job to be restarted. A run whose execution the
   * repository does not know (a repository lost, or a run cut short before its reader opened) is
   * started as a new job instance instead; either way the reader opens at the checkpoint stored
   * with the items.
   */
  private void resume(JdbcReconciliationRuns.Run run, BatchJobs jobs) {
    if (run.jobExecutionId() != null) {
      try {
        long latest = jobs.latestExecutionOf(run.jobExecutionId());
        long restarted = jobs.restart(latest, parameters(run.id()));
        LOG.log(
            Level.INFO,
            "Resuming reconciliation run {0} of {1} after group {2}: job execution {3} restarted as"
                + " {4}",
            run.id(),
            run.businessDate(),
            run.checkpoint(),
            latest,
            restarted);
        return;
      } catch (BatchRuntimeException e) {
        // Unknown to the repository, already complete or abandoned, or started by another tag.
        LOG.log(
            Level.WARNING,
            "Job execution {0} of reconciliation run {1} cannot be restarted ({2}): starting the run"
                + " again as a new job instance",
            run.jobExecutionId(),
            run.id(),
            e.toString());
      }
    }
    LOG.log(
        Level.INFO,
        "Resuming reconciliation run {0} of {1} after group {2}: new job instance",
        run.id(),
        run.businessDate(),
        run.checkpoint());
    jobs.start(JOB, parameters(run.id()));
  }

  /**
   * The largest settlement file taken, in bytes ({@code phonebank.reconciliation.max-file-bytes}).
   */
  public long maxFileBytes() {
    return settings.maxFileBytes();
  }

  /**
   * The run's report as CSV (the same as the file written when it completed).
   *
   * @throws IllegalArgumentException when there is no such run
   */
  public String reportCsv(long runId) {
    return BalanceReportCsv.write(balanceReport(runId));
  }

  /**
   * The run's balance report: what its file's loaded lines add up to, the switch's control totals
   * they must tie to, and the run's count and amount per difference kind.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  public BalanceReport balanceReport(long runId) {
    JdbcReconciliationRuns.Run run = runs.run(runId);
    return new BalanceReport(
        run.businessDate(),
        run.terminalId(),
        run.id(),
        run.fileId(),
        SettlementTotals.of(
            files.lines(run.fileId()).stream().map(JdbcSettlementFiles.Line::record).toList()),
        files.controls(run.fileId()),
        runs.totals(runId));
  }

  public RunCursor cursor() {
    return new RunCursor(files, journal, runs, reconciler, settings.carryDays());
  }

  /**
   * Closes a run whose groups are all written and writes its report, unless another execution has
   * taken the run over (then that one will).
   */
  public void finish(long runId, long executionId) {
    JdbcReconciliationRuns.Run run = runs.run(runId);
    if (!runs.finish(runId, "COMPLETED", run.checkpoint(), executionId)) {
      LOG.log(Level.INFO, "Run {0} is finished by another execution", runId);
      return;
    }
    Path report =
        folder()
            .resolve("reports")
            .resolve(run.businessDate() + "-" + terminal + "-run" + runId + ".csv");
    try {
      Files.createDirectories(report.getParent());
      // Written aside and moved into place in one step: whoever watches the folder (the back
      // office's tools, the tests) sees the whole report or none, never a half-written one.
      Path partial = report.resolveSibling("." + report.getFileName() + ".part");
      Files.writeString(partial, reportCsv(runId), StandardCharsets.UTF_8);
      Files.move(
          partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write report " + report + ".", e);
    }
    LOG.log(
        Level.INFO,
        "Reconciliation run {0} of {1} completed: {2}",
        runId,
        run.businessDate(),
        report);
  }

  private Path folder() {
    return settings.folder() != null
        ? settings.folder()
        : server.stateDirectory().resolve("settlement");
  }

  private Path inbox() {
    return folder().resolve("inbox");
  }

  /**
   * Takes every file in the inbox except those still arriving: a name starting with a dot or ending
   * in {@code .part} or {@code .filepart} (how file-transfer clients name a file until it is
   * whole), which a writer renames when done (docs/back-office.md).
   */
  void scanInbox() {
    Path inbox = inbox();
    try {
      Files.createDirectories(inbox);
      try (DirectoryStream<Path> entries =
          Files.newDirectoryStream(inbox, f -> Files.isRegularFile(f) && !arriving(f))) {
        for (Path file : entries) {
          take(file);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot read the settlement inbox {0}: {1}", inbox, e.getMessage());
    }
  }

  /** Whether {@code file} is still arriving by its name (see {@link #scanInbox}). */
  static boolean arriving(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".filepart");
  }

  private void take(Path file) throws IOException {
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      // One byte past the limit is enough to know it is too big; the rest is never read.
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxFileBytes() + 1));
    }
    String name = file.getFileName().toString();
    Receipt receipt = receive(name, "inbox", content);
    String outcome =
        receipt instanceof Receipt.Loaded
            ? "loaded"
            : receipt instanceof Receipt.Duplicate ? "duplicate" : "quarantine";
    Path target = folder().resolve(outcome);
    Files.createDirectories(target);
    Path moved = target.resolve(name);
    Files.move(file, moved, StandardCopyOption.REPLACE_EXISTING);
    if (receipt instanceof Receipt.Quarantined quarantined) {
      Files.writeString(
          target.resolve(name + ".errors.txt"),
          quarantined.errors().stream().map(LineError::toString).collect(Collectors.joining("\n"))
              + "\n",
          StandardCharsets.UTF_8);
      LOG.log(Level.WARNING, "Settlement file {0} quarantined: {1}", name, quarantined.errors());
    } else if (receipt instanceof Receipt.Loaded loaded) {
      LocalDate date = loaded.businessDate();
      long runId = startRun(date);
      LOG.log(
          Level.INFO,
          "Settlement file {0} loaded ({1} details) for {2}: reconciliation run {3}",
          name,
          loaded.details(),
          date,
          runId);
    } else {
      LOG.log(Level.INFO, "Settlement file {0} was loaded before: {1}", name, receipt);
    }
  }
}
