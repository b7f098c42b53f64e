// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jpos.iso.ISOClientSocketFactory;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.phonebank.banking.Stan;
import org.phonebank.switchlink.keys.ZoneKey;
import org.phonebank.switchlink.mac.MessageMac;

/**
 * One signed-on channel to the switch, kept up without Q2. A background thread dials the endpoints
 * in order, signs on (0800/001) and only then counts the link as ready; while it is up, an idle
 * link is echoed (0800/301) every echo interval and a missed echo drops it. A dropped or refused
 * link fails over to the next endpoint at once; when every endpoint has failed in a row the thread
 * waits, doubling the wait up to the maximum. Closing signs off (0800/002).
 *
 * <p>A reader thread hands each response to the request with the same key (MTI class, terminal,
 * STAN, RRN, transmission time), whatever order responses arrive in; a financial or reversal
 * response whose MAC does not verify, or that carries another card, processing code, amount or RRN
 * than its request, ends its request as unanswered. Anything unreadable, unknown, duplicate or late
 * is logged (masked) and dropped, and the channel stays up. This is Q2's split of ChannelAdaptor
 * (the socket) and QMUX (the matching) in one class.
 */
public final class SwitchLink implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SwitchLink.class.getName());
  private static final Duration SUPERVISION_TICK = Duration.ofMillis(200);
  private static final Duration SIGN_OFF_WAIT = Duration.ofSeconds(2);

  private final SwitchSettings settings;
  private final ISOClientSocketFactory sockets;
  private final ZoneKey macKey;
  private final PendingRequests pending = new PendingRequests();
  private final AtomicInteger networkStan = new AtomicInteger(new SecureRandom().nextInt(Stan.MAX));
  private final Object readiness = new Object();

  private volatile NACChannel channel;
  private volatile SwitchEndpoint activeEndpoint;
  private volatile Consumer<SwitchEndpoint> signOnListener = endpoint -> {};
  private volatile NACChannel connecting;
  private volatile long lastReceived;
  private volatile boolean closed;
  private Thread connector;

  /** {@code macKey} (the ZAK) signs financial and reversal messages and checks their responses. */
  public SwitchLink(SwitchSettings settings, ISOClientSocketFactory sockets, ZoneKey macKey) {
    this.settings = Objects.requireNonNull(settings, "Switch settings are required.");
    this.sockets = Objects.requireNonNull(sockets, "Socket factory is required.");
    this.macKey = Objects.requireNonNull(macKey, "MAC key is required.");
  }

  /**
   * Starts connecting in the background; requests return {@link LinkReply.NotSent} until signed on.
   */
  public synchronized void start() {
    if (connector != null) {
      throw new IllegalStateException("The switch link is already started.");
    }
    connector = new Thread(this::maintain, "switch-link " + settings.endpoints());
    connector.setDaemon(true);
    connector.start();
  }

  /** True while connected and signed on. */
  public boolean isReady() {
    return channel != null;
  }

  /** The endpoint the link is signed on to, or null while it is down. */
  /**
   * Told of every sign-on, with the endpoint signed on to, on the link's own thread; for
   * operations' figures (sign-ons, failovers). Must return quickly and not throw.
   */
  public void onSignOn(Consumer<SwitchEndpoint> listener) {
    this.signOnListener = Objects.requireNonNull(listener, "Sign-on listener is required.");
  }

  public SwitchEndpoint activeEndpoint() {
    return channel == null ? null : activeEndpoint;
  }

  /** Waits until the link is signed on; false when it is not by then. */
  public boolean awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (readiness) {
      while (!isReady()) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(readiness, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Sends a request and waits up to {@code timeout} for the response with the same key. Financial
   * and reversal messages are MACed here. Nothing is sent on a link that is not signed on.
   */
  public LinkReply exchange(ISOMsg request, Duration timeout) {
    NACChannel ready = channel;
    if (ready == null) {
      return new LinkReply.NotSent("no signed-on link to the switch at " + settings.endpoints());
    }
    if (SwitchMessages.carriesMac(request)) {
      try {
        MessageMac.sign(request, macKey);
      } catch (IllegalArgumentException e) {
        LOG.log(Level.ERROR, "Cannot MAC {0}", SwitchMessages.describe(request));
        return new LinkReply.NotSent("message could not be packed");
      }
    }
    return send(ready, request, timeout);
  }

  private LinkReply send(NACChannel via, ISOMsg request, Duration timeout) {
    String key = SwitchMessages.matchKey(request);
    CompletableFuture<ISOMsg> answer = pending.register(key);
    if (answer == null) {
      return new LinkReply.NotSent(
          "a request with the same terminal, STAN and RRN is still waiting");
    }
    try {
      via.send(request);
    } catch (ISOException e) {
      pending.forget(key, answer);
      // The packer's message may quote field values: name the message only.
      LOG.log(Level.ERROR, "Cannot pack {0}", SwitchMessages.describe(request));
      return new LinkReply.NotSent("message could not be packed");
    } catch (IOException | RuntimeException e) {
      pending.forget(key, answer);
      disconnect(via);
      return new LinkReply.NoAnswer("link failed while sending: " + e.getMessage());
    }
    try {
      ISOMsg response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response == null) {
        return new LinkReply.NoAnswer("link to the switch dropped while waiting");
      }
      // Checked here, on the caller's thread, not by the link's one reader, which every answer
      // passes through: the reader only frames, unpacks and hands over.
      if (SwitchMessages.carriesMac(response) && !MessageMac.verify(response, macKey)) {
        LOG.log(
            Level.WARNING,
            "Response {0} failed its MAC check; treated as no response",
            SwitchMessages.describe(response));
        return new LinkReply.NoAnswer("response rejected: bad or missing MAC");
      }
      int differs = SwitchMessages.mismatchedEcho(request, response);
      if (differs >= 0) {
        // Not this request's answer: a money movement is then reversed, as for no answer at all.
        LOG.log(
            Level.WARNING,
            "Response {0} carries another field {1} than its request; treated as no response",
            SwitchMessages.describe(response),
            differs);
        return new LinkReply.NoAnswer("answer differs from its request in field " + differs);
      }
      return new LinkReply.Answered(response);
    } catch (TimeoutException e) {
      return new LinkReply.NoAnswer("no response within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LinkReply.NoAnswer("interrupted while waiting");
    } catch (ExecutionException e) {
      return new LinkReply.NoAnswer("response rejected: " + e.getCause().getMessage());
    } finally {
      pending.forget(key, answer);
    }
  }

  private void maintain() {
    List<SwitchEndpoint> endpoints = settings.endpoints();
    ReconnectBackoff backoff =
        new ReconnectBackoff(settings.reconnectDelay(), settings.reconnectMaxDelay());
    int index = 0;
    int failedInARow = 0;
    while (!closed) {
      SwitchEndpoint endpoint = endpoints.get(index);
      boolean wasUp = session(endpoint);
      index = (index + 1) % endpoints.size();
      if (closed) {
        break;
      }
      if (wasUp) {
        // Fail over to the next endpoint at once (the same one when there is only one).
        backoff.reset();
        failedInARow = 0;
        continue;
      }
      failedInARow++;
      if (failedInARow >= endpoints.size()) {
        pause(backoff.next());
        failedInARow = 0;
      }
    }
  }

  /** One connection: dial, sign on, supervise until it drops. True when it was signed on. */
  private boolean session(SwitchEndpoint endpoint) {
    NACChannel candidate = SwitchFraming.clientChannel(endpoint.host(), endpoint.port(), sockets);
    connecting = candidate;
    try {
      candidate.connect();
      if (!candidate.isConnected()) {
        // jPOS swallows ConnectException and leaves the channel unconnected.
        throw new IOException("connection refused");
      }
      lastReceived = System.nanoTime();
      Thread reader = startReader(candidate, endpoint);
      LinkReply signOn =
          send(
              candidate,
              SwitchMessages.signOn(nextNetworkStan(), Instant.now(), settings),
              settings.responseTimeout());
      if (!(signOn instanceof LinkReply.Answered answered
          && SwitchMessages.isApprovedNetworkResponse(answered.response()))) {
        LOG.log(Level.WARNING, "Switch at {0} refused the sign-on: {1}", endpoint, signOn);
        return false;
      }
      activeEndpoint = endpoint;
      setReady(candidate);
      LOG.log(Level.INFO, "Signed on to the switch at {0}", endpoint);
      try {
        signOnListener.accept(endpoint);
      } catch (RuntimeException e) {
        // A listener's failure must never end the link's thread, and with it every request.
        LOG.log(Level.WARNING, "Sign-on listener failed: " + e);
      }
      supervise(candidate, reader, endpoint);
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot reach the switch at {0}: {1}", endpoint, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      setReady(null);
      connecting = null;
      disconnect(candidate);
      pending.abandonAll();
    }
  }

  /**
   * Echoes an idle link every echo interval; a missed echo drops it. Returns when the link is gone.
   */
  private void supervise(NACChannel link, Thread reader, SwitchEndpoint endpoint)
      throws InterruptedException {
    while (!closed && reader.isAlive()) {
      reader.join(Math.min(SUPERVISION_TICK.toMillis(), settings.echoInterval().toMillis()));
      if (closed || !reader.isAlive()) {
        break;
      }
      if (System.nanoTime() - lastReceived >= settings.echoInterval().toNanos()) {
        LinkReply echo =
            send(
                link,
                SwitchMessages.echoRequest(nextNetworkStan(), Instant.now(), settings),
                settings.responseTimeout());
        if (!(echo instanceof LinkReply.Answered answered
            && SwitchMessages.isApprovedNetworkResponse(answered.response()))) {
          LOG.log(
              Level.WARNING,
              "Switch at {0} missed an echo ({1}): link marked down",
              endpoint,
              echo);
          setReady(null);
          disconnect(link);
          break;
        }
      }
    }
    reader.join(settings.connectTimeout().toMillis());
    if (!closed) {
      LOG.log(Level.WARNING, "Link to the switch at {0} dropped", endpoint);
    }
  }

  private Thread startReader(NACChannel from, SwitchEndpoint endpoint) {
    Thread reader = new Thread(() -> read(from), "switch-link-reader " + endpoint);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private void read(NACChannel from) {
    try {
      while (true) {
        ISOMsg message;
        try {
          message = from.receive();
        } catch (ISOException e) {
          // The length prefix keeps the stream in step, so one unreadable message does not end the
          // link.
          LOG.log(
              Level.WARNING,
              "Dropped an unreadable message from the switch (garbled or truncated)");
          continue;
        }
        lastReceived = System.nanoTime();
        try {
          dispatch(from, message);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "Dropped a malformed message from the switch: {0}", e.getMessage());
        }
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.log(Level.DEBUG, "Reader ended: {0}", e.getMessage());
      }
    } finally {
      setReadyIfStill(from);
      disconnect(from);
      // Whatever was sent on this channel can no longer be answered on it.
      pending.abandonAll();
    }
  }

  private void dispatch(NACChannel from, ISOMsg message) throws IOException {
    if (SwitchMessages.isResponse(message)) {
      // Its MAC is checked by the request it completes (send), off this thread.
      String key = SwitchMessages.matchKey(message);
      if (!pending.complete(key, message)) {
        LOG.log(
            Level.WARNING,
            "Response {0} matches no waiting request (late, duplicate or unknown); kept for reconciliation only",
            SwitchMessages.describe(message));
      }
    } else if (SwitchMessages.isEchoRequest(message)) {
      try {
        from.send(SwitchMessages.networkResponse(message));
      } catch (ISOException e) {
        LOG.log(Level.WARNING, "Cannot answer echo {0}", SwitchMessages.describe(message));
      }
    } else {
      LOG.log(
          Level.WARNING,
          "Ignored message {0} from the switch: not supported",
          SwitchMessages.describe(message));
    }
  }

  private Stan nextNetworkStan() {
    return new Stan(networkStan.updateAndGet(n -> n >= Stan.MAX ? 1 : n + 1));
  }

  private void setReady(NACChannel ready) {
    synchronized (readiness) {
      channel = ready;
      readiness.notifyAll();
    }
  }

  private void setReadyIfStill(NACChannel gone) {
    synchronized (readiness) {
      if (channel == gone) {
        channel = null;
        readiness.notifyAll();
      }
    }
  }

  private void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      // close() interrupts the pause; the loop checks closed.
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void disconnect(NACChannel c) {
    if (c != null) {
      try {
        c.disconnect();
      } catch (IOException e) {
        // Already broken; nothing more to release.
      }
    }
  }

  /** Signs off (0800/002) when signed on, drops the link and stops reconnecting. */
  @Override
  public void close() {
    NACChannel signedOn = channel;
    if (signedOn != null && !closed) {
      LinkReply signOff =
          send(
              signedOn,
              SwitchMessages.signOff(nextNetworkStan(), Instant.now(), settings),
              min(settings.responseTimeout(), SIGN_OFF_WAIT));
      LOG.log(
          Level.INFO,
          "Signed off from the switch at {0}: {1}",
          activeEndpoint,
          signOff instanceof LinkReply.Answered ? "acknowledged" : signOff);
    }
    closed = true;
    Thread running;
    synchronized (this) {
      running = connector;
    }
    setReady(null);
    disconnect(connecting);
    disconnect(signedOn);
    pending.abandonAll();
    if (running != null) {
      running.interrupt();
      try {
        running.join(settings.connectTimeout().toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (readiness) {
      readiness.notifyAll();
    }
  }
}
