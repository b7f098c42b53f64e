// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchsim;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOSource;
import org.jpos.util.ThreadPool;
import org.phonebank.card.CardNumber;
import org.phonebank.switchlink.SwitchFraming;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.tls.MutualTls;
import org.phonebank.switchlink.tls.TlsServerSocketFactory;

/**
 * A bank switch for development and tests: a jPOS {@link ISOServer} on mutual TLS 1.3 (client certificates
 * required, only the demo CA trusted), NAC framing with the ISO87B packager like the bridge, answering balance
 * inquiries and echo tests from a {@link Ledger}. Answers can be held back by a delay, for everyone or for one
 * card, to provoke timeouts and out-of-order responses.
 */
public final class SwitchSimulator implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SwitchSimulator.class.getName());
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final Ledger ledger;
  private final Issuer issuer;
  private final ZoneKey pinKey;
  private final ISOServer server;
  private final Thread serverThread;
  private final ScheduledExecutorService delayed;
  private final Map<String, Duration> cardDelays = new ConcurrentHashMap<>();
  private final AtomicInteger held = new AtomicInteger();
  private volatile Duration responseDelay;
  private int port;

  // ISOServer in jPOS 2.1.10 takes nothing but its own, deprecated, ThreadPool.
  @SuppressWarnings("deprecation")
  private SwitchSimulator(SimulatorSettings settings, SwitchCredentials credentials, Ledger ledger)
      throws IOException {
    this.ledger = ledger;
    this.pinKey = credentials.pinKey();
    this.issuer = new Issuer(ledger, pinKey);
    this.responseDelay = settings.responseDelay();
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
    this.server = new ISOServer(settings.port(), SwitchFraming.serverChannel(), new ThreadPool(1, 100, "switch-sim"));
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

  public Ledger ledger() {
    return ledger;
  }

  /** Holds back every answer by {@code delay} (zero answers at once). */
  public void setResponseDelay(Duration delay) {
    this.responseDelay = Objects.requireNonNull(delay, "Delay is required.");
  }

  /** Holds back answers about one card by {@code delay}, overriding the general delay. */
  public void setResponseDelay(CardNumber card, Duration delay) {
    cardDelays.put(card.digits(), Objects.requireNonNull(delay, "Delay is required."));
  }

  /** How many answers are being held back by a delay right now. */
  public int heldAnswers() {
    return held.get();
  }

  private boolean process(ISOSource source, ISOMsg request) {
    Optional<ISOMsg> answer = issuer.answer(request);
    if (answer.isEmpty()) {
      return true;
    }
    String pan = IssuerMessages.pan(request);
    Duration delay = pan == null ? responseDelay : cardDelays.getOrDefault(pan, responseDelay);
    if (delay.isZero()) {
      send(source, answer.get());
    } else {
      held.incrementAndGet();
      delayed.schedule(
          () -> {
            held.decrementAndGet();
            send(source, answer.get());
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private static void send(ISOSource source, ISOMsg answer) {
    try {
      if (source.isConnected()) {
        source.send(answer);
      }
    } catch (IOException | ISOException e) {
      LOG.log(Level.WARNING, "Cannot send {0}: {1}", IssuerMessages.describe(answer), e.getMessage());
    }
  }

  /** Stops listening and drops every client link. */
  @Override
  public void close() {
    server.shutdown();
    delayed.shutdownNow();
    try {
      serverThread.join(STARTUP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pinKey.close();
  }
}
