// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.ISOClientSocketFactory;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.phonebank.banking.Stan;

/**
 * One channel to the switch, kept up without Q2: a background thread connects, proves the link with an 0800
 * echo test, and reconnects with doubling back-off when it drops; a reader thread hands each response to the
 * request with the same key (MTI class, terminal, STAN), whatever order responses arrive in, and answers the
 * switch's own echo tests. This is Q2's split of ChannelAdaptor (the socket) and QMUX (the matching) in one class.
 */
public final class SwitchLink implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SwitchLink.class.getName());
  private static final int MAX_BACKOFF_FACTOR = 16;

  private final SwitchSettings settings;
  private final ISOClientSocketFactory sockets;
  private final PendingRequests pending = new PendingRequests();
  private final AtomicInteger echoStan = new AtomicInteger(new SecureRandom().nextInt(Stan.MAX));
  private final Object readiness = new Object();

  private volatile NACChannel channel;
  private volatile NACChannel connecting;
  private volatile boolean closed;
  private Thread connector;

  public SwitchLink(SwitchSettings settings, ISOClientSocketFactory sockets) {
    this.settings = Objects.requireNonNull(settings, "Switch settings are required.");
    this.sockets = Objects.requireNonNull(sockets, "Socket factory is required.");
  }

  /** Starts connecting in the background; requests return {@link LinkReply.NotSent} until the link is up. */
  public synchronized void start() {
    if (connector != null) {
      throw new IllegalStateException("The switch link is already started.");
    }
    connector = new Thread(this::maintain, "switch-link " + endpoint());
    connector.setDaemon(true);
    connector.start();
  }

  /** True while connected and the switch has answered the echo test. */
  public boolean isReady() {
    return channel != null;
  }

  /** Waits until the link is ready; false when it is not by then. */
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

  /** Sends a request and waits up to {@code timeout} for the response with the same key. */
  public LinkReply exchange(ISOMsg request, Duration timeout) {
    NACChannel ready = channel;
    if (ready == null) {
      return new LinkReply.NotSent("no link to the switch at " + endpoint());
    }
    return send(ready, request, timeout);
  }

  private LinkReply send(NACChannel via, ISOMsg request, Duration timeout) {
    String key = SwitchMessages.matchKey(request);
    CompletableFuture<ISOMsg> answer = pending.register(key);
    if (answer == null) {
      return new LinkReply.NotSent("a request with the same terminal and STAN is still waiting");
    }
    try {
      via.send(request);
    } catch (ISOException e) {
      pending.forget(key, answer);
      // The packer's message may quote field values: name the message only.
      LOG.log(Level.ERROR, "Cannot pack {0}", SwitchMessages.describe(request));
      return new LinkReply.NotSent("message could not be packed");
    } catch (IOException e) {
      pending.forget(key, answer);
      disconnect(via);
      return new LinkReply.NoAnswer("link failed while sending: " + e.getMessage());
    }
    try {
      ISOMsg response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return response == null
          ? new LinkReply.NoAnswer("link to the switch dropped while waiting")
          : new LinkReply.Answered(response);
    } catch (TimeoutException e) {
      return new LinkReply.NoAnswer("no response within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LinkReply.NoAnswer("interrupted while waiting");
    } catch (ExecutionException e) {
      return new LinkReply.NoAnswer("waiting failed: " + e.getCause());
    } finally {
      pending.forget(key, answer);
    }
  }

  private void maintain() {
    Duration delay = settings.reconnectDelay();
    while (!closed) {
      NACChannel candidate =
          SwitchFraming.clientChannel(settings.host(), settings.port(), sockets);
      connecting = candidate;
      try {
        candidate.connect();
        if (!candidate.isConnected()) {
          // jPOS swallows ConnectException and leaves the channel unconnected.
          throw new IOException("connection refused");
        }
        Thread reader = startReader(candidate);
        LinkReply echo = send(candidate, SwitchMessages.echoRequest(nextEchoStan(), Instant.now(), settings),
            settings.responseTimeout());
        if (echo instanceof LinkReply.Answered answered && SwitchMessages.isApprovedEcho(answered.response())) {
          setReady(candidate);
          delay = settings.reconnectDelay();
          LOG.log(Level.INFO, "Link to the switch at {0} is up", endpoint());
          reader.join();
          if (!closed) {
            LOG.log(Level.WARNING, "Link to the switch at {0} dropped", endpoint());
          }
        } else {
          LOG.log(Level.WARNING, "Switch at {0} failed the echo test: {1}", endpoint(), echo);
        }
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Cannot reach the switch at {0}: {1}", endpoint(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        setReady(null);
        connecting = null;
        disconnect(candidate);
        pending.abandonAll();
      }
      if (!closed) {
        pause(delay);
        delay = min(delay.multipliedBy(2), settings.reconnectDelay().multipliedBy(MAX_BACKOFF_FACTOR));
      }
    }
  }

  private Thread startReader(NACChannel from) {
    Thread reader = new Thread(() -> read(from), "switch-link-reader " + endpoint());
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
          // The length prefix keeps the stream in step, so one unreadable message does not end the link.
          LOG.log(Level.WARNING, "Dropped an unreadable message from the switch");
          continue;
        }
        dispatch(from, message);
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.log(Level.DEBUG, "Reader ended: {0}", e.getMessage());
      }
    } finally {
      disconnect(from);
      // Whatever was sent on this channel can no longer be answered on it.
      pending.abandonAll();
    }
  }

  private void dispatch(NACChannel from, ISOMsg message) throws IOException {
    if (SwitchMessages.isResponse(message)) {
      if (!pending.complete(SwitchMessages.matchKey(message), message)) {
        LOG.log(Level.WARNING, "Response {0} matches no waiting request (late or unknown); left for reconciliation",
            SwitchMessages.describe(message));
      }
    } else if (SwitchMessages.isEchoRequest(message)) {
      try {
        from.send(SwitchMessages.echoResponse(message));
      } catch (ISOException e) {
        LOG.log(Level.WARNING, "Cannot answer echo {0}", SwitchMessages.describe(message));
      }
    } else {
      LOG.log(Level.WARNING, "Ignored request {0} from the switch: not supported",
          SwitchMessages.describe(message));
    }
  }

  private Stan nextEchoStan() {
    return new Stan(echoStan.updateAndGet(n -> n >= Stan.MAX ? 1 : n + 1));
  }

  private void setReady(NACChannel ready) {
    synchronized (readiness) {
      channel = ready;
      readiness.notifyAll();
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

  private String endpoint() {
    return settings.host() + ":" + settings.port();
  }

  /** Drops the link and stops reconnecting; requests still waiting end without an answer. */
  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (this) {
      running = connector;
    }
    disconnect(connecting);
    disconnect(channel);
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
