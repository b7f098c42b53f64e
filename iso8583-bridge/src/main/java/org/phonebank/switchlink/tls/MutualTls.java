// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.phonebank.switchlink.keys.BouncyCastle;
import org.phonebank.switchlink.keys.TlsIdentity;

/**
 * TLS 1.3 contexts from Bouncy Castle's JSSE provider with PKIX key and trust managers: each side
 * presents its own certificate and trusts only the given certificate authorities (no trust-all
 * manager, unlike jPOS's {@code GenericSSLSocketFactory}).
 */
public final class MutualTls {

  public static final String PROTOCOL = "TLSv1.3";

  private MutualTls() {}

  public static SSLContext context(TlsIdentity identity, KeyStore trustAnchors) {
    Objects.requireNonNull(identity, "TLS identity is required.");
    Objects.requireNonNull(trustAnchors, "Trust anchors are required.");
    char[] password = identity.password();
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX", BouncyCastle.jsse());
      keys.init(identity.keyStore(), password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", BouncyCastle.jsse());
      trust.init(trustAnchors);
      SSLContext context = SSLContext.getInstance(PROTOCOL, BouncyCastle.jsse());
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot build the TLS context for " + identity.name() + ".", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
