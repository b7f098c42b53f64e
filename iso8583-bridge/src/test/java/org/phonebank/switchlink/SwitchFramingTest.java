// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;
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

  @Test
  void theSharedPackagerPacksAndUnpacksFromManyThreadsAtOnceAsAFreshOneDoes() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<List<String>>> differences = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      differences.add(
          CompletableFuture.supplyAsync(
              () -> {
                List<String> found = new ArrayList<>();
                try {
                  start.await();
                  for (int i = 0; i < 2_000; i++) {
                    ISOMsg m = inquiry(String.format("%06d", thread * 10_000 + i));
                    m.setPackager(SwitchFraming.packager());
                    byte[] shared = m.pack();
                    m.setPackager(new ISO87BPackager());
                    byte[] fresh = m.pack();
                    ISOMsg back = new ISOMsg();
                    back.setPackager(SwitchFraming.packager());
                    back.unpack(shared);
                    if (!Arrays.equals(shared, fresh)
                        || !m.getString(11).equals(back.getString(11))
                        || !m.getString(2).equals(back.getString(2))) {
                      found.add("STAN " + m.getString(11));
                    }
                  }
                } catch (Exception e) {
                  found.add(e.toString());
                }
                return found;
              },
              pool));
    }
    start.countDown();
    try {
      for (CompletableFuture<List<String>> thread : differences) {
        assertEquals(List.of(), thread.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(
        inquiryImage(new ISO87BPackager()), inquiryImage(SwitchFraming.packager()), "one more");
  }

  private static ISOMsg inquiry(String stan) throws Exception {
    ISOMsg m = new ISOMsg("0200");
    m.set(2, "6037991234567893");
    m.set(3, "310000");
    m.set(11, stan);
    m.set(41, "IVR00001");
    m.set(49, "364");
    return m;
  }

  private static byte[] inquiryImage(ISOPackager packager) throws Exception {
    ISOMsg m = inquiry("000001");
    m.setPackager(packager);
    return m.pack();
  }
}
