// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.esl.CallbackDialler;
import org.phonebank.call.esl.InboundEslSettings;
import org.phonebank.escalation.CallbackCall;
import org.phonebank.escalation.Callbacks;
import org.phonebank.escalation.EntryEnd;
import org.phonebank.escalation.EntryStatus;
import org.phonebank.escalation.Escalation;
import org.phonebank.escalation.EscalationReason;
import org.phonebank.escalation.EscalationSettings;
import org.phonebank.escalation.Escalations;
import org.phonebank.escalation.InMemoryEscalationStore;
import org.phonebank.escalation.OfficerStatus;

/**
 * The phone bank's callback dialler against the simulator's inbound Event Socket over loopback TCP:
 * auth, {@code bgapi originate}, BACKGROUND_JOB, the customer's leg's CHANNEL_BRIDGE and
 * CHANNEL_HANGUP_COMPLETE, reported into real queues.
 */
class CallbackDiallerTest {

  private static final String PASSWORD = "inbound-test-password";
  private static final String NUMBER = "09121234567";
  private static final String CUSTOMER = "sofia/gateway/bank/" + NUMBER;

  private final InMemoryEscalationStore store = new InMemoryEscalationStore();
  private final Escalations queues =
      new Escalations(settings(), store, Clock.systemUTC(), "node-1");
  private final Callbacks callbacks = queues.callbacks();
  private final OfficerPhones phones = new OfficerPhones();
  private final InboundFreeSwitch freeswitch = new InboundFreeSwitch(PASSWORD, phones);
  private CallbackDialler dialler;
  private long entry;

  /** One officer, a2; the customer's phone rings 2 s at most, the officer's 2 s. */
  private static EscalationSettings settings() {
    Map<String, String> keys =
        Map.of(
            "phonebank.escalation.officers", "a2",
            "phonebank.escalation.officer.a2.skills", "general:3",
            "phonebank.escalation.callback-ring-seconds", "2",
            "phonebank.escalation.ring-timeout-seconds", "2",
            "phonebank.escalation.callback-attempts", "2");
    return EscalationSettings.from(key -> Optional.ofNullable(keys.get(key)));
  }

  @AfterEach
  void stop() {
    if (dialler != null) {
      dialler.close();
    }
    freeswitch.close();
  }

  /** A caller who left {@link #NUMBER}; a2 ready; the routing round reserved a2 for them. */
  private CallbackCall aCallbackToPlace(String password) {
    queues.start();
    int port = freeswitch.start(0);
    dialler =
        new CallbackDialler(
            new InboundEslSettings(
                "127.0.0.1", port, password, "sofia/gateway/bank/", "", Duration.ofSeconds(5)));
    entry =
        queues
            .enqueue(
                new Escalation(
                    "call-1",
                    "fa",
                    Optional.empty(),
                    false,
                    List.of("main-menu"),
                    EscalationReason.ASKED,
                    "asked",
                    List.of()))
            .id();
    queues.callback(entry, NUMBER);
    queues.setStatus("a2", OfficerStatus.READY);
    queues.dispatch();
    List<CallbackCall> calls = callbacks.claim();
    assertEquals(1, calls.size());
    return calls.get(0);
  }

  @Test
  void theCustomerIsCalledBackAndBridgedToTheOfficerWhoIsTalkingUntilTheCallEnds()
      throws Exception {
    CompletableFuture<Void> officerHangsUp = new CompletableFuture<>();
    phones.script(CUSTOMER, new OfficerPhone.Answers(Duration.ZERO, Duration.ZERO));
    phones.script("user/a2", new OfficerPhone.TalksUntil(Duration.ZERO, officerHangsUp));
    CallbackCall call = aCallbackToPlace(PASSWORD);

    CompletableFuture<Void> placing =
        CompletableFuture.runAsync(() -> dialler.place(call, callbacks));
    // CHANNEL_BRIDGE: the officer is talking while the call goes on.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.officer("a2").orElseThrow().status() != OfficerStatus.BUSY
        && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(OfficerStatus.BUSY, store.officer("a2").orElseThrow().status());
    assertEquals(EntryStatus.CONNECTED, store.entry(entry).orElseThrow().status());
    officerHangsUp.complete(null);
    placing.get(10, TimeUnit.SECONDS);

    assertEquals(Optional.of(EntryEnd.CALLBACK_COMPLETED), store.endOf(entry));
    assertEquals(List.of("ANSWERED"), store.callbackAttempts(entry));
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    assertEquals(
        List.of(
            "auth accepted",
            "originate sofia/gateway/bank/<11 digits> &bridge(user/a2) ignore_early_media",
            "customer answered",
            "officer user/a2 answered; bridged",
            "officer user/a2 hung up; the customer's leg hangs up"),
        freeswitch.log());
  }

  @Test
  void aCustomerWhoDoesNotAnswerIsTriedLaterAndTheOfficerIsFreeWithoutAMiss() {
    phones.script(CUSTOMER, new OfficerPhone.Ignores());
    CallbackCall call = aCallbackToPlace(PASSWORD);

    dialler.place(call, callbacks);

    assertEquals(List.of("NO_ANSWER"), store.callbackAttempts(entry));
    assertEquals(EntryStatus.WAITING, store.entry(entry).orElseThrow().status());
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
    assertEquals(0, store.officer("a2").orElseThrow().missesInRow());
    assertTrue(
        freeswitch.log().contains("customer not reached: NO_ANSWER"), freeswitch.log().toString());
  }

  @Test
  void anOfficerWhoDoesNotAnswerTheCallbackCountsAMissAndTheCallbackWaitsAgain() {
    phones.script(CUSTOMER, new OfficerPhone.Answers(Duration.ZERO, Duration.ZERO));
    phones.script("user/a2", new OfficerPhone.Ignores());
    CallbackCall call = aCallbackToPlace(PASSWORD);

    dialler.place(call, callbacks);

    assertEquals(List.of("OFFICER_NO_ANSWER"), store.callbackAttempts(entry));
    assertEquals(EntryStatus.WAITING, store.entry(entry).orElseThrow().status());
    assertEquals(1, store.officer("a2").orElseThrow().missesInRow());
  }

  @Test
  void aWrongInboundPasswordIsRefusedAndTheAttemptRecordedAsNotReached() {
    CallbackCall call = aCallbackToPlace("not-the-password");

    dialler.place(call, callbacks);

    assertEquals(List.of("auth refused"), freeswitch.log());
    assertEquals(List.of("DIALLER_FAILED"), store.callbackAttempts(entry));
    assertEquals(OfficerStatus.READY, store.officer("a2").orElseThrow().status());
  }
}
