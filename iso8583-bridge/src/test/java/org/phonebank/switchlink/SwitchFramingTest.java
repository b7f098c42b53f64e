// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.channel.NACChannel;
import org.junit.jupiter.api.Test;

class SwitchFramingTest {

  @Test
  void bothEndsOfTheLinkSendEachFrameAtOnceWithoutNagleDelay() throws Exception {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      NACChannel server = SwitchFraming.serverChannel();
      CompletableFuture<Boolean> serverNoDelay =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  server.accept(listening);
                  return server.getSocket().getTcpNoDelay();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      NACChannel client =
          SwitchFraming.clientChannel(
              InetAddress.getLoopbackAddress().getHostAddress(), listening.getLocalPort(), null);
      client.connect();
      try {
        assertTrue(client.getSocket().getTcpNoDelay(), "the phone bank's end");
        assertTrue(serverNoDelay.get(10, TimeUnit.SECONDS), "the switch's end");
      } finally {
        client.disconnect();
        server.disconnect();
      }
    }
  }
}
