// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jpos.iso.ISOClientSocketFactory;

/**
 * Opens the TLS 1.3 connection to the switch for a jPOS channel. The handshake runs here, within
 * the connect timeout, so a bad certificate fails the connect instead of the first message; the
 * switch's certificate must chain to a trusted CA and name the host we dialled (SAN, checked as
 * HTTPS does).
 */
public final class TlsClientSocketFactory implements ISOClientSocketFactory {

  private static final System.Logger LOG = System.getLogger(TlsClientSocketFactory.class.getName());

  private final SSLContext context;
  private final Duration connectTimeout;

  public TlsClientSocketFactory(SSLContext context, Duration connectTimeout) {
    this.context = Objects.requireNonNull(context, "TLS context is required.");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "Connect timeout is required.");
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket plain = new Socket();
    try {
      int timeoutMillis = Math.toIntExact(connectTimeout.toMillis());
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setProtocols(new String[] {MutualTls.PROTOCOL});
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      if (!MutualTls.PROTOCOL.equals(tls.getSession().getProtocol())) {
        throw new SSLHandshakeException(
            "Switch negotiated " + tls.getSession().getProtocol() + ", not TLS 1.3.");
      }
      // The session is up: reads now block until the switch speaks (the link's own timers apply).
      tls.setSoTimeout(0);
      return tls;
    } catch (IOException | RuntimeException e) {
      // jPOS reports only "Unable to connect"; the reason (refused, certificate, timeout) is said
      // here.
      LOG.log(
          Level.WARNING,
          "TLS connection to {0}:{1} failed: {2}",
          host,
          String.valueOf(port),
          e.toString());
      plain.close();
      throw e;
    }
  }
}
