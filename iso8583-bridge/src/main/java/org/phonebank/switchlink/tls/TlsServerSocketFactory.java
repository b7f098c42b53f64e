// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.jpos.iso.ISOServerSocketFactory;

/**
 * The server side of the switch link for a jPOS {@code ISOServer}: TLS 1.3 only, client
 * certificates required, and each connection handshaken before the server sees it. Port 0 binds an
 * ephemeral port, which {@link #awaitPort} reports once the server is listening.
 */
public final class TlsServerSocketFactory implements ISOServerSocketFactory {

  private static final int BACKLOG = 50;

  private final SSLContext context;
  private final InetAddress bindAddress;
  private final Duration handshakeTimeout;
  private final CompletableFuture<Integer> boundPort = new CompletableFuture<>();

  public TlsServerSocketFactory(
      SSLContext context, InetAddress bindAddress, Duration handshakeTimeout) {
    this.context = Objects.requireNonNull(context, "TLS context is required.");
    this.bindAddress = Objects.requireNonNull(bindAddress, "Bind address is required.");
    this.handshakeTimeout =
        Objects.requireNonNull(handshakeTimeout, "Handshake timeout is required.");
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    try {
      SSLServerSocket socket =
          (SSLServerSocket)
              context.getServerSocketFactory().createServerSocket(port, BACKLOG, bindAddress);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {MutualTls.PROTOCOL});
      parameters.setNeedClientAuth(true);
      socket.setSSLParameters(parameters);
      boundPort.complete(socket.getLocalPort());
      return new HandshakingServerSocket(socket, handshakeTimeout);
    } catch (IOException | RuntimeException e) {
      boundPort.completeExceptionally(e);
      throw e;
    }
  }

  /** Waits until the server socket is bound; returns its port. */
  public int awaitPort(Duration timeout) throws IOException {
    try {
      return boundPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(
          "Cannot listen on " + bindAddress.getHostAddress() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Server socket not bound within " + timeout + ".", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for the server socket.", e);
    }
  }
}
