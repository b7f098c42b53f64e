// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server socket whose {@link #accept} returns only connections that completed a TLS 1.3
 * handshake with a trusted client certificate. Refused peers are logged and closed here, because
 * jPOS's {@code ISOServer} would otherwise pause five seconds after any accept that throws.
 * Handshakes run one at a time on the accepting thread, bounded by the handshake timeout: enough
 * for a switch with a few links, not for the open internet.
 */
final class HandshakingServerSocket extends ServerSocket {

  private static final System.Logger LOG =
      System.getLogger(HandshakingServerSocket.class.getName());

  private final ServerSocket tls;
  private final int handshakeTimeoutMillis;

  HandshakingServerSocket(ServerSocket tls, Duration handshakeTimeout) throws IOException {
    this.tls = tls;
    this.handshakeTimeoutMillis = Math.toIntExact(handshakeTimeout.toMillis());
  }

  @Override
  public Socket accept() throws IOException {
    while (true) {
      SSLSocket socket = (SSLSocket) tls.accept();
      try {
        socket.setSoTimeout(handshakeTimeoutMillis);
        socket.startHandshake();
        if (!MutualTls.PROTOCOL.equals(socket.getSession().getProtocol())) {
          throw new SSLPeerUnverifiedException(
              "peer negotiated " + socket.getSession().getProtocol());
        }
        // Throws unless the client presented a certificate that the trust manager accepted.
        socket.getSession().getPeerCertificates();
        socket.setSoTimeout(0);
        return socket;
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Refused TLS client {0}: {1}",
            socket.getRemoteSocketAddress(),
            e.getMessage());
        socket.close();
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      tls.close();
    } finally {
      super.close();
    }
  }

  @Override
  public boolean isClosed() {
    return tls.isClosed();
  }

  @Override
  public boolean isBound() {
    return tls.isBound();
  }

  @Override
  public int getLocalPort() {
    return tls.getLocalPort();
  }

  @Override
  public InetAddress getInetAddress() {
    return tls.getInetAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return tls.getLocalSocketAddress();
  }

  @Override
  public String toString() {
    return "HandshakingServerSocket[" + tls.getLocalSocketAddress() + "]";
  }
}
