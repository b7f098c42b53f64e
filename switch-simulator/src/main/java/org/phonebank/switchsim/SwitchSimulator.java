// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOSource;
import org.jpos.util.ThreadPool;
import org.phonebank.banking.BusinessCalendar;
import org.phonebank.card.CardNumber;
import org.phonebank.switchlink.SwitchFraming;
import org.phonebank.switchlink.keys.AesKey;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.mac.MessageMac;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsServerSocketFactory;

/**
 * A bank switch for development and tests: a jPOS {@link ISOServer} on mutual TLS 1.3 (client
 * certificates required, only the demo CA trusted), NAC framing with the ISO87B packager like the
 * bridge, answering sign-on, sign-off and echo, and every financial request and reversal from its
 * {@link Ledger} (see {@link Issuer}), with MACs checked and set. Scripted faults ({@link
 * FaultPlan}) come from the settings and from the admin port ({@link AdminConsole}); answers can
 * also be held back for one card, to provoke timeouts and out-of-order responses.
 */
public final class SwitchSimulator implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SwitchSimulator.class.getName());
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final Ledger ledger;
  private final Issuer issuer;
  private final ZoneKey pinKey;
  private final AesKey aesPinKey;
  private final ZoneKey macKey;
  private final FaultPlan faults = new FaultPlan();
  private final ISOServer server;
  private final Thread serverThread;
  private final ScheduledExecutorService delayed;
  private final Map<String, Duration> cardDelays = new ConcurrentHashMap<>();
  private final Set<ISOSource> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger signOns = new AtomicInteger();
  private final AtomicInteger signOffs = new AtomicInteger();
  private final AtomicInteger echoes = new AtomicInteger();
  private final AtomicInteger repeatedAdvices = new AtomicInteger();
  private final AtomicInteger reversalsProcessed = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();
  // The switch's business day closes at the cut-over in the bank's zone (field 15).

  private final SettlementBook settlement;
  private volatile Duration responseDelay;
  private AdminConsole admin;
  private int port;

  // ISOServer in jPOS 2.1.10 takes nothing but its own, deprecated, ThreadPool.
  @SuppressWarnings("deprecation")
  private SwitchSimulator(SimulatorSettings settings, SwitchCredentials credentials, Ledger ledger)
      throws IOException {
    this.ledger = ledger;
    this.pinKey = credentials.pinKey();
    this.aesPinKey = credentials.aesPinKey();
    this.macKey = credentials.macKey();
    this.settlement =
        new SettlementBook(
            new BusinessCalendar(settings.bankZone(), settings.cutOver()),
            Clock.system(settings.bankZone()));
    this.issuer = new Issuer(ledger, pinKey, aesPinKey, macKey, settlement, settings.bankZone());
    this.responseDelay = settings.responseDelay();
    settings.faults().forEach(faults::apply);
    this.delayed =
        Executors.newScheduledThreadPool(
            2,
            task -> {
              Thread t = new Thread(task, "switch-simulator-delayed-answers");
              t.setDaemon(true);
              return t;
            });
    TlsServerSocketFactory sockets =
        new TlsServerSocketFactory(
            MutualTls.context(credentials.server(), credentials.trustAnchors()),
            InetAddress.getByName(settings.bindAddress()),
            HANDSHAKE_TIMEOUT);
    this.server =
        new ISOServer(
            settings.port(), SwitchFraming.serverChannel(), new ThreadPool(1, 100, "switch-sim"));
    server.setSocketFactory(sockets);
    try {
      // ISOServer.shutdown() needs a configuration, even an empty one.
      server.setConfiguration(new SimpleConfiguration());
    } catch (ConfigurationException e) {
      throw new IllegalStateException("Cannot configure the ISO server.", e);
    }
    server.setLogger(SwitchFraming.silentLogger(), "switch-simulator");
    server.addISORequestListener(this::process);
    this.serverThread = new Thread(server, "switch-simulator-server");
    serverThread.start();
    try {
      this.port = sockets.awaitPort(STARTUP);
      if (settings.adminPort() != SimulatorSettings.NO_ADMIN_PORT) {
        this.admin = new AdminConsole(this, settings.adminPort());
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts listening; generates demo credentials in the settings' folder first if it has none.
   *
   * @throws IOException when the port cannot be bound
   */
  public static SwitchSimulator start(SimulatorSettings settings) throws IOException {
    Objects.requireNonNull(settings, "Simulator settings are required.");
    DemoCredentials.generateIfMissing(settings.credentials());
    SwitchCredentials credentials = SwitchCredentials.load(settings.credentials());
    Ledger ledger = settings.accounts() == null ? Ledger.demo() : Ledger.load(settings.accounts());
    return new SwitchSimulator(settings, credentials, ledger);
  }

  /** The port actually bound (the ephemeral one when the settings asked for 0). */
  public int port() {
    return port;
  }

  /** The admin port, or -1 when there is none. */
  public int adminPort() {
    return admin == null ? SimulatorSettings.NO_ADMIN_PORT : admin.port();
  }

  public Ledger ledger() {
    return ledger;
  }

  /**
   * The settlement file of {@code terminal} for {@code businessDate}: every item the switch settled
   * on that date (docs/settlement-file.md).
   */
  public byte[] settlementFile(LocalDate businessDate, String terminal) {
    return settlement.file(businessDate, terminal);
  }

  /** The business date now, as field 15 of an answer would carry it. */
  public LocalDate businessDate() {
    return settlement.businessDate();
  }

  /**
   * Applies one fault command, as the admin port's {@code fault} does (e.g. {@code "drop-next 2"}).
   */
  public void fault(String command) {
    faults.apply(command);
  }

  FaultPlan faults() {
    return faults;
  }

  /** Holds back every financial answer by {@code delay} (zero answers at once). */
  public void setResponseDelay(Duration delay) {
    this.responseDelay = Objects.requireNonNull(delay, "Delay is required.");
  }

  /** Holds back answers to 0200s about one card by {@code delay}, overriding the general delay. */
  public void setResponseDelay(CardNumber card, Duration delay) {
    cardDelays.put(card.digits(), Objects.requireNonNull(delay, "Delay is required."));
  }

  /** How many answers are being held back by a delay right now. */
  public int heldAnswers() {
    return held.get();
  }

  /** Counters of what arrived: 0200s, sign-ons, sign-offs and echoes. */
  public int financialRequests() {
    return issuer.financialRequests();
  }

  public int signOns() {
    return signOns.get();
  }

  public int signOffs() {
    return signOffs.get();
  }

  public int echoes() {
    return echoes.get();
  }

  /** How many repeated reversal advices (0421) arrived. */
  public int repeatedAdvices() {
    return repeatedAdvices.get();
  }

  /** How many 0420/0421 the issuer processed (held ones are not, until released). */
  public int reversalsProcessed() {
    return reversalsProcessed.get();
  }

  /** Drops every client link at once, as a switch restart would; returns how many were open. */
  public int disconnectAll() {
    int dropped = 0;
    for (ISOSource link : links) {
      if (link.isConnected()) {
        dropped++;
      }
      disconnect(link);
    }
    return dropped;
  }

  private boolean process(ISOSource source, ISOMsg request) {
    links.add(source);
    if (IssuerMessages.isNetwork(request)) {
      return network(source, request);
    }
    boolean money = IssuerMessages.isFinancial(request) || IssuerMessages.isReversal(request);
    if ("0421".equals(IssuerMessages.mti(request))) {
      repeatedAdvices.incrementAndGet();
    }
    boolean reversal = IssuerMessages.isReversal(request);
    if (reversal && faults.clearing().holdReversals()) {
      LOG.log(Level.INFO, "Fault: held {0} unanswered", IssuerMessages.describe(request));
      return true;
    }
    FaultPlan.Action planned = money ? faults.next() : FaultPlan.Action.NONE;
    ClearingFaults.Movement movement =
        Issuer.isMoneyMovement(request)
            ? faults.clearing().nextMovement()
            : ClearingFaults.Movement.NONE;
    ClearingFaults.Reversal undo =
        reversal && planned != FaultPlan.Action.ANSWER_91
            ? faults.clearing().nextReversal()
            : ClearingFaults.Reversal.NONE;
    FaultPlan.Action fault =
        movement == ClearingFaults.Movement.DROP_ANSWER && planned == FaultPlan.Action.NONE
            ? FaultPlan.Action.DROP
            : planned;
    Optional<ISOMsg> answer =
        fault == FaultPlan.Action.ANSWER_91
            ? Optional.of(IssuerMessages.answer(request, "91"))
            : issuer.answer(request, movement, undo);
    if (reversal && fault != FaultPlan.Action.ANSWER_91 && answer.isPresent()) {
      reversalsProcessed.incrementAndGet();
    }
    if (answer.isEmpty()) {
      return true;
    }
    ISOMsg response = answer.get();
    if (money) {
      MessageMac.sign(response, macKey);
    }
    String pan = IssuerMessages.pan(request);
    // A card's own delay holds back answers to its 0200s only, so its reversals still get through.
    Duration delay =
        pan == null || !IssuerMessages.isFinancial(request)
            ? responseDelay
            : cardDelays.getOrDefault(pan, responseDelay);
    if (money && faults.delay().compareTo(delay) > 0) {
      delay = faults.delay();
    }
    Runnable deliver = () -> deliver(source, response, fault);
    if (delay.isZero()) {
      deliver.run();
    } else {
      held.incrementAndGet();
      delayed.schedule(
          () -> {
            held.decrementAndGet();
            deliver.run();
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private boolean network(ISOSource source, ISOMsg request) {
    String code = IssuerMessages.networkCode(request);
    if (IssuerMessages.SIGN_ON.equals(code)) {
      signOns.incrementAndGet();
      if (faults.chatter()) {
        // The switch speaks first: its own echo and a stray 0810 arrive before the sign-on answer.
        send(source, strayEcho(request, "0800"));
        send(source, strayEcho(request, "0810"));
      }
      if (faults.refuseSignOn()) {
        send(source, IssuerMessages.answer(request, "91"));
        return true;
      }
    } else if (IssuerMessages.SIGN_OFF.equals(code)) {
      signOffs.incrementAndGet();
    } else if (IssuerMessages.ECHO_TEST.equals(code)) {
      echoes.incrementAndGet();
      if (faults.ignoreEcho()) {
        return true;
      }
    }
    issuer.answer(request).ifPresent(answer -> send(source, answer));
    return true;
  }

  private ISOMsg strayEcho(ISOMsg signOn, String mti) {
    ISOMsg m = new ISOMsg(mti);
    m.set(7, signOn.getString(7));
    m.set(11, String.format("%06d", 1 + random.nextInt(999_998)));
    m.set(41, signOn.getString(41));
    m.set(70, IssuerMessages.ECHO_TEST);
    if (mti.equals("0810")) {
      m.set(39, "00");
    }
    return m;
  }

  private void deliver(ISOSource source, ISOMsg response, FaultPlan.Action fault) {
    switch (fault) {
      case DROP ->
          LOG.log(
              Level.INFO, "Fault: dropped the answer to {0}", IssuerMessages.describe(response));
      case DISCONNECT -> {
        LOG.log(
            Level.INFO,
            "Fault: disconnected instead of answering {0}",
            IssuerMessages.describe(response));
        disconnect(source);
      }
      case BAD_MAC -> {
        int field = MessageMac.macField(response);
        byte[] mac = response.getBytes(field);
        mac[0] ^= 0x01;
        response.set(field, mac);
        send(source, response);
      }
      case GARBAGE -> {
        byte[] junk = new byte[24];
        random.nextBytes(junk);
        send(source, new RawFrame(junk));
        try {
          response.setPackager(SwitchFraming.packager());
          byte[] packed = response.pack();
          send(source, new RawFrame(Arrays.copyOf(packed, packed.length / 2)));
        } catch (ISOException e) {
          LOG.log(Level.WARNING, "Cannot pack for the truncation fault");
        }
        ISOMsg unknown = new ISOMsg("0620");
        unknown.set(11, response.getString(11));
        unknown.set(41, response.getString(41));
        send(source, unknown);
        send(source, response);
        send(source, response);
      }
      default -> send(source, response);
    }
  }

  private static void send(ISOSource source, ISOMsg answer) {
    try {
      if (source.isConnected()) {
        source.send(answer);
      }
    } catch (IOException | ISOException e) {
      LOG.log(
          Level.WARNING, "Cannot send {0}: {1}", IssuerMessages.describe(answer), e.getMessage());
    }
  }

  private static void disconnect(ISOSource source) {
    if (source instanceof BaseChannel channel) {
      try {
        channel.disconnect();
      } catch (IOException e) {
        // Already gone.
      }
    }
  }

  /** Stops listening and drops every client link. */
  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    server.shutdown();
    disconnectAll();
    delayed.shutdownNow();
    try {
      serverThread.join(STARTUP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pinKey.close();
    aesPinKey.close();
    macKey.close();
  }

  /** A frame whose content is given bytes, not a packed message: for the garbage faults. */
  private static final class RawFrame extends ISOMsg {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    RawFrame(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public byte[] pack() {
      return bytes.clone();
    }
  }
}
