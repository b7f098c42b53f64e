// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.phonebank.call.CallServices;
import org.phonebank.call.IvrSettings;
import org.phonebank.call.PhoneBankingCall;
import org.phonebank.call.esl.CallbackDialler;
import org.phonebank.call.esl.EslOfficerLegs;
import org.phonebank.call.esl.EslServer;
import org.phonebank.call.esl.EslSettings;
import org.phonebank.call.esl.InboundEslSettings;
import org.phonebank.escalation.CallbackNumbers;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.NodeWatch;
import org.phonebank.escalation.OfficerLegs;
import org.phonebank.escalation.jdbc.JdbcEscalationStore;
import org.phonebank.journal.JournalledSwitch;
import org.phonebank.journal.jdbc.JdbcJournal;
import org.phonebank.journal.jdbc.JournalSettings;
import org.phonebank.journal.jdbc.JournalStore;
import org.phonebank.lockout.CardLockouts;
import org.phonebank.prompt.NameVoice;
import org.phonebank.prompt.espeak.EspeakNameVoice;
import org.phonebank.saf.DeadLetters;
import org.phonebank.server.health.PhoneBankProbes;
import org.phonebank.server.metrics.PhoneBankMetrics;
import org.phonebank.switchlink.JposBankSwitch;
import org.phonebank.switchlink.SwitchSettings;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.saf.StoreAndForward;

/**
 * The phone bank inside Payara. At deploy it migrates the database, opens the switch link and
 * starts the Event Socket listener that FreeSWITCH connects to for each call; at undeploy it stops
 * them in reverse order. Calls run on a pool of our own threads, not the container's: a flow blocks
 * on the caller for minutes, and Payara's default managed executor is sized for short tasks.
 */
@Startup
@Singleton
public class PhoneBankServer {

  private static final System.Logger LOG = System.getLogger(PhoneBankServer.class.getName());

  private DataSource dataSource;
  private String terminalId;
  private java.nio.file.Path stateDirectory;
  private JournalStore store;
  private JposBankSwitch bankSwitch;
  private StoreAndForward storeAndForward;
  private JournalSweeper sweeper;
  private ThreadPoolExecutor calls;
  private EslServer eslServer;
  private Escalations escalations;
  private CallbackRounds callbackRounds;
  private Periodic nodeBeats;
  private EslOfficerLegs officerLegs;

  /** The container's threads, for the periodic tasks (sweep, callback rounds, node heartbeat). */
  @Resource ManagedThreadFactory threads;

  @Inject PhoneBankProbes probes;
  @Inject PhoneBankMetrics metrics;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
    ServerSettings settings = ServerSettings.from(lookup);
    SwitchSettings switchSettings = SwitchSettings.from(lookup);
    JournalSettings journalSettings = JournalSettings.from(lookup);
    LOG.log(System.Logger.Level.INFO, "Phone bank starting: " + settings + ", " + switchSettings);

    dataSource = DataSources.open(settings, journalSettings.poolSize());
    terminalId = switchSettings.terminalId();
    stateDirectory = settings.stateDirectory();
    store =
        JournalStore.open(
            dataSource,
            journalSettings,
            switchSettings.terminalId(),
            JournalSettings.cardFingerprintKey(lookup));
    LOG.log(System.Logger.Level.INFO, "Schema migrations applied: " + store.appliedVersions());

    SwitchCredentials credentials = SwitchCredentials.load(settings.switchCredentials());
    bankSwitch = new JposBankSwitch(switchSettings, credentials);
    // The metrics bean is created here, on the container's thread: Payara injects the application's
    // MetricRegistry only there, and the switch link's own thread would otherwise create it first.
    metrics.attach(null);
    bankSwitch.onSignOn(metrics::signedOn);
    bankSwitch.start();
    // The acknowledgement goes straight to the journal: JournalledSwitch needs the reversals, so it
    // cannot
    // also be handed to them first.
    JdbcJournal journal = store.journal();
    storeAndForward =
        new StoreAndForward(
            store.adviceQueue(), bankSwitch, credentials.storageKey(), journal::reversed);
    JournalledSwitch journalled =
        new JournalledSwitch(
            metrics.metered(bankSwitch),
            metrics.metered(journal),
            store.transactionIds(),
            storeAndForward);
    journalled.recover();
    storeAndForward.start();
    // Beyond twice the response time-out (plus a minute for the journal's own waits) a PENDING
    // request is no longer in flight.
    sweeper =
        new JournalSweeper(
            threads,
            journalled,
            journalSettings.clock(),
            settings.sweepInterval(),
            switchSettings.responseTimeout().multipliedBy(2).plusMinutes(1));

    calls = callThreads(settings.maxConcurrentCalls(), metrics.refusals());
    EslSettings eslSettings = EslSettings.from(lookup);
    NameVoice nameVoice =
        EspeakNameVoice.from(lookup, eslSettings.promptDirectory(), eslSettings.audioExtension());
    if (nameVoice instanceof EspeakNameVoice espeak) {
      LOG.log(
          System.Logger.Level.INFO,
          "Holders' names spoken by "
              + espeak
              + "; leftovers discarded: "
              + espeak.discardLeftovers());
    }
    CallServices services =
        new CallServices(
            journalled,
            bankSwitch,
            store.lockouts(),
            metrics.metered(store.callPaths()),
            journalSettings.clock(),
            officerQueues(lookup, switchSettings.terminalId(), journalSettings.clock()),
            nameVoice);
    eslServer =
        new EslServer(
            new PhoneBankingCall(services, IvrSettings.from(lookup)),
            calls,
            eslSettings,
            metrics.keyTimes());
    int port = eslServer.start();
    probes.attach(
        new PhoneBankProbes.Parts(
            dataSource,
            bankSwitch::isReady,
            eslServer::isListening,
            store.adviceQueue(),
            settings.safStuckAfter(),
            journalSettings.clock()));
    metrics.attach(
        new PhoneBankMetrics.Parts(
            calls, bankSwitch::isReady, probes::safBacklog, journal::unfinished));
    LOG.log(
        System.Logger.Level.INFO,
        "Phone bank ready: Event Socket listening on " + eslSettings.host() + ":" + port);
  }

  /**
   * The phone bank's own officers' queues in the shared database, when officers are configured
   * ({@code phonebank.escalation.*}); otherwise null, and callers go to the dialplan's officers'
   * extension. The node is named by its terminal id (one per IVR node): at start it ends as SYSTEM
   * the callers it held before it stopped; then it beats every {@code heartbeat-interval-seconds},
   * taking over from any node silent longer than {@code node-dead-after-seconds} (its callers ended
   * by the system, its officers freed, its callback calls back in the queue).
   */
  private Escalations officerQueues(
      Function<String, Optional<String>> lookup, String nodeId, Clock clock) {
    EscalationSettings escalation = EscalationSettings.from(lookup);
    if (escalation.officers().isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "No officers configured: escalation by dialplan transfer");
      return null;
    }
    CallbackNumbers numbers = CallbackNumbers.from(lookup);
    if (numbers.isEphemeral()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "No "
              + CallbackNumbers.KEY_SETTING
              + ": callback numbers are sealed under a key of this run alone, so callbacks left"
              + " now cannot be placed after a restart or by another node");
    }
    escalations =
        new Escalations(escalation, new JdbcEscalationStore(dataSource), clock, nodeId, numbers);
    NodeWatch.TakeOver lastRun = escalations.start();
    NodeWatch watch = escalations.nodeWatch();
    nodeBeats =
        Periodic.every(
            threads,
            "node-heartbeat",
            "Node heartbeat",
            watch.interval(),
            () -> {
              NodeWatch.Round round = watch.beat();
              if (round.isNews()) {
                LOG.log(System.Logger.Level.WARNING, "Node " + nodeId + " heartbeat: " + round);
              }
            });
    Optional<InboundEslSettings> inbound = InboundEslSettings.from(lookup);
    if (inbound.isPresent()) {
      callbackRounds = new CallbackRounds(threads, escalations, new CallbackDialler(inbound.get()));
      officerLegs = new EslOfficerLegs(inbound.get());
      LOG.log(System.Logger.Level.INFO, "Callbacks placed through " + inbound.get());
    } else {
      LOG.log(
          System.Logger.Level.WARNING,
          "No phonebank.esl.inbound-password: callbacks are recorded but not placed"
              + " (docs/freeswitch.md, \"Callbacks\")");
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Officers' queues: "
            + escalation.officers().size()
            + " officers, "
            + escalation.queues().size()
            + " queues; "
            + lastRun.callersEnded()
            + " callers of this node's last run ended by the system, "
            + lastRun.callbacksReturned()
            + " callback calls it was placing back in the queue");
    return escalations;
  }

  /** The officers' queues, for the officers' console; empty when no officers are configured. */
  public Optional<Escalations> escalations() {
    return Optional.ofNullable(escalations);
  }

  /**
   * The officers' phones through FreeSWITCH's inbound Event Socket, for the console's refuse and
   * transfer; {@link OfficerLegs#NONE} without {@code phonebank.esl.inbound-password} (a refused
   * phone then rings out, a transferring officer hangs up their phone).
   */
  public OfficerLegs officerLegs() {
    return officerLegs == null ? OfficerLegs.NONE : officerLegs;
  }

  /** The phone bank's database, for reconciliation. */
  public DataSource dataSource() {
    if (dataSource == null) {
      throw new IllegalStateException("The phone bank has not started.");
    }
    return dataSource;
  }

  /** This node's terminal id (field 41). */
  public String terminalId() {
    return terminalId;
  }

  /** The state folder (settlement inbox and reports live under it by default). */
  public java.nio.file.Path stateDirectory() {
    return stateDirectory;
  }

  /**
   * Reversals store-and-forward set aside, and the operator's retry and close, for the console
   * (docs/money-movement.md).
   */
  public DeadLetters deadLetters() {
    if (storeAndForward == null) {
      throw new IllegalStateException("The phone bank has not started.");
    }
    return storeAndForward;
  }

  /** Cards locked out of the phone channel, for the officers' console. */
  public CardLockouts lockouts() {
    if (store == null) {
      throw new IllegalStateException("The phone bank has not started.");
    }
    return store.lockouts();
  }

  @PreDestroy
  void stop() {
    probes.detach();
    metrics.detach();
    if (eslServer != null) {
      eslServer.stop();
    }
    if (calls != null) {
      calls.shutdownNow();
    }
    if (callbackRounds != null) {
      callbackRounds.close();
    }
    if (nodeBeats != null) {
      nodeBeats.close();
    }
    if (officerLegs != null) {
      officerLegs.close();
    }
    if (sweeper != null) {
      sweeper.close();
    }
    if (storeAndForward != null) {
      storeAndForward.close();
    }
    if (bankSwitch != null) {
      bankSwitch.close();
    }
    if (dataSource != null) {
      DataSources.close(dataSource);
    }
    LOG.log(System.Logger.Level.INFO, "Phone bank stopped");
  }

  /**
   * One thread per live call, up to the limit; a call beyond it is refused rather than queued in
   * silence.
   */
  private static ThreadPoolExecutor callThreads(
      int maxConcurrentCalls, RejectedExecutionHandler refusals) {
    AtomicInteger number = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        maxConcurrentCalls,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "phonebank-call-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        refusals);
  }
}
