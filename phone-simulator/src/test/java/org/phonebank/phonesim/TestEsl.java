// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import java.time.Duration;
import java.util.List;
import org.phonebank.call.esl.EslPeers;
import org.phonebank.call.esl.EslSettings;
import org.phonebank.call.esl.PeerSecret;

/** The phone bank's Event Socket settings for the simulator's tests. */
public final class TestEsl {

  private TestEsl() {}

  /**
   * Defaults on a free port with {@code secret}, and 30 s (not 5 s) for the connect, myevents and
   * linger replies: these tests hold hundreds of calls on one loop of a busy two-core machine, and
   * the handshake limit itself is tested in ivr-flows ({@code EslListenerUnderAttackTest}).
   */
  public static EslSettings settings(String secret) {
    PeerSecret peerSecret = new PeerSecret(secret);
    return EslSettings.defaults(peerSecret)
        .withPort(0)
        .withPeers(
            new EslPeers(
                peerSecret,
                List.of("127.0.0.1", "::1"),
                Duration.ofSeconds(30),
                EslPeers.localWith(peerSecret).maxUnreadBytes()));
  }
}
