// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Bouncy Castle provider instances handed to each JCA call. They are never registered with {@code
 * Security.addProvider}: inside an application server that global list is shared with other
 * applications, and a second copy of BC there would clash with ours.
 */
public final class BouncyCastle {

  private static final Provider CRYPTO = new BouncyCastleProvider();
  private static final Provider JSSE = new BouncyCastleJsseProvider(CRYPTO);

  private BouncyCastle() {}

  /** The BC JCA provider: BCFKS key stores, EC keys, certificate signing. */
  public static Provider crypto() {
    return CRYPTO;
  }

  /** The BC JSSE provider (BCJSSE), running on {@link #crypto()}. */
  public static Provider jsse() {
    return JSSE;
  }
}
