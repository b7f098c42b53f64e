// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.switchlink.keys.BouncyCastle;
import org.phonebank.switchlink.keys.DemoCredentials;
import org.phonebank.switchlink.keys.SwitchCredentials;

class MutualTlsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir static Path folder;
  static SwitchCredentials credentials;

  @BeforeAll
  static void credentials() {
    DemoCredentials.generateIfMissing(folder);
    credentials = SwitchCredentials.load(folder);
  }

  @Test
  void trustedClientAndServerTalkOverTls13() throws Exception {
    try (ServerSocket server =
        listen(MutualTls.context(credentials.server(), credentials.trustAnchors()))) {
      CompletableFuture<Integer> received = serveOneByte(server);
      SSLContext client = MutualTls.context(credentials.client(), credentials.trustAnchors());

      try (SSLSocket socket =
          (SSLSocket)
              new TlsClientSocketFactory(client, TIMEOUT)
                  .createSocket("127.0.0.1", server.getLocalPort())) {
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();

        assertEquals("TLSv1.3", socket.getSession().getProtocol());
        assertEquals(42, received.get(5, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void serverRefusesClientWhoseCertificateComesFromAnUntrustedCa() throws Exception {
    try (ServerSocket server =
        listen(MutualTls.context(credentials.server(), credentials.trustAnchors()))) {
      CompletableFuture<Integer> received = serveOneByte(server);
      SSLContext rogue = MutualTls.context(credentials.rogueClient(), credentials.trustAnchors());

      // In TLS 1.3 the client finishes its side before the server judges the client certificate, so
      // the
      // refusal shows on the first read: an alert or end of stream, never data.
      TlsClientSocketFactory rogueSockets = new TlsClientSocketFactory(rogue, TIMEOUT);
      try (Socket socket = rogueSockets.createSocket("127.0.0.1", server.getLocalPort())) {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        int read;
        try {
          read = in.read();
        } catch (IOException refused) {
          read = -1;
        }
        assertEquals(-1, read);
      } catch (IOException refusedDuringHandshake) {
        // Also a refusal.
      }
      assertEquals(false, received.isDone() && received.get() == 42);
    }
  }

  @Test
  void clientRefusesSwitchWhoseCertificateComesFromAnotherCa() throws Exception {
    try (ServerSocket server =
        listen(MutualTls.context(credentials.server(), credentials.trustAnchors()))) {
      serveOneByte(server);
      // This client trusts only the CA that signed the rogue certificate, so the real switch is a
      // stranger.
      KeyStore otherCa = KeyStore.getInstance("BCFKS", BouncyCastle.crypto());
      otherCa.load(null, null);
      Certificate[] rogueChain =
          credentials.rogueClient().keyStore().getCertificateChain(SwitchCredentials.ROGUE_ALIAS);
      otherCa.setCertificateEntry("other-ca", rogueChain[1]);
      SSLContext client = MutualTls.context(credentials.client(), otherCa);

      IOException refused =
          assertThrows(
              IOException.class,
              () ->
                  new TlsClientSocketFactory(client, TIMEOUT)
                      .createSocket("127.0.0.1", server.getLocalPort()));
      assertTrue(causedByCertificateCheck(refused));
    }
  }

  @Test
  void clientRefusesSwitchWhoseCertificateDoesNotNameTheAddressDialled() throws Exception {
    // 127.0.0.2 is loopback too on Linux, but the switch certificate names only localhost and
    // 127.0.0.1.
    InetAddress other = InetAddress.getByName("127.0.0.2");
    SSLContext serverContext = MutualTls.context(credentials.server(), credentials.trustAnchors());
    try (ServerSocket server =
        new TlsServerSocketFactory(serverContext, other, TIMEOUT).createServerSocket(0)) {
      serveOneByte(server);
      SSLContext client = MutualTls.context(credentials.client(), credentials.trustAnchors());

      IOException refused =
          assertThrows(
              IOException.class,
              () ->
                  new TlsClientSocketFactory(client, TIMEOUT)
                      .createSocket("127.0.0.2", server.getLocalPort()));
      assertTrue(causedByCertificateCheck(refused));
    }
  }

  private static ServerSocket listen(SSLContext context) throws IOException {
    return new TlsServerSocketFactory(context, InetAddress.getLoopbackAddress(), TIMEOUT)
        .createServerSocket(0);
  }

  private static CompletableFuture<Integer> serveOneByte(ServerSocket server) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket accepted = server.accept()) {
            return accepted.getInputStream().read();
          } catch (IOException e) {
            return -1;
          }
        });
  }

  /** The refusal came from checking the switch's certificate, not from the network. */
  private static boolean causedByCertificateCheck(Throwable refused) {
    for (Throwable t = refused; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }
}
