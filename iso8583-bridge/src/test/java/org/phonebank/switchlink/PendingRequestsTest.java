// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.switchlink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

  @Test
  void responsesCompleteTheirOwnRequestsWhateverTheOrder() throws Exception {
    PendingRequests pending = new PendingRequests();
    CompletableFuture<ISOMsg> first = pending.register("020|IVR00001|000001");
    CompletableFuture<ISOMsg> second = pending.register("020|IVR00001|000002");
    ISOMsg answerToSecond = new ISOMsg("0210");
    ISOMsg answerToFirst = new ISOMsg("0210");

    assertTrue(pending.complete("020|IVR00001|000002", answerToSecond));
    assertTrue(pending.complete("020|IVR00001|000001", answerToFirst));

    assertSame(answerToFirst, first.get());
    assertSame(answerToSecond, second.get());
  }

  @Test
  void secondRequestWithTheSameKeyIsRefusedWhileTheFirstWaits() {
    PendingRequests pending = new PendingRequests();
    pending.register("020|IVR00001|000001");

    assertNull(pending.register("020|IVR00001|000001"));
  }

  @Test
  void lateResponseMatchesNothing() {
    assertFalse(new PendingRequests().complete("020|IVR00001|000009", new ISOMsg("0210")));
  }

  @Test
  void droppedLinkEndsEveryWaitingRequestWithoutAnAnswer() throws Exception {
    PendingRequests pending = new PendingRequests();
    CompletableFuture<ISOMsg> waiting = pending.register("020|IVR00001|000001");

    pending.abandonAll();

    assertNull(waiting.get());
  }
}
