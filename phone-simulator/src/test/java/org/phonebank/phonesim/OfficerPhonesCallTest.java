// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.BridgeOutcome;
import org.phonebank.call.CallFlow;
import org.phonebank.call.esl.EslOfficerLegs;
import org.phonebank.call.esl.EslServer;
import org.phonebank.call.esl.InboundEslSettings;
import org.phonebank.escalation.OfficerLeg;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

/**
 * The phone bank's real Event Socket server ringing the simulator's officers' phones: when the
 * answer is known, and how each way a phone can end a ring comes back.
 */
class OfficerPhonesCallTest {

  private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
  private static final Prompt GOODBYE = Prompt.of(Language.ENGLISH, "goodbye");

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private final List<EslServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    servers.forEach(EslServer::stop);
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  private int start(CallFlow flow) {
    EslServer server = new EslServer(flow, flows, TestEsl.settings(PhoneSimulatorCallTest.SECRET));
    servers.add(server);
    return server.start();
  }

  private static Transcript call(int port, OfficerPhones officers) {
    return PhoneSimulator.call(
        "127.0.0.1",
        port,
        PhoneSimulatorCallTest.SECRET,
        CallScript.parse(""),
        CALL_LIMIT,
        officers);
  }

  @Test
  void theAnswerReachesThePhoneBankWhileTheOfficerIsStillTalking() throws Exception {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    CompletableFuture<BridgeOutcome> outcome = new CompletableFuture<>();
    CompletableFuture<Void> officerHangsUp = new CompletableFuture<>();
    int port =
        start(
            phone -> {
              phone.answer();
              outcome.complete(
                  phone.bridge("user/1001", Duration.ofSeconds(15), () -> answered.complete(null)));
              phone.hangUp();
            });
    OfficerPhones officers =
        OfficerPhones.answeringAll()
            .script("user/1001", new OfficerPhone.TalksUntil(Duration.ZERO, officerHangsUp));

    CompletableFuture<Transcript> call = CompletableFuture.supplyAsync(() -> call(port, officers));
    // CHANNEL_BRIDGE: the officer answered, and the bridge application is still running.
    answered.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertFalse(outcome.isDone(), "the bridge completes only when the conversation ends");
    officerHangsUp.complete(null);
    Transcript transcript = call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);

    assertEquals(BridgeOutcome.TALKED, outcome.join());
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.toString());
    assertTrue(
        transcript
            .applications()
            .containsAll(
                List.of(
                    "set call_timeout=15",
                    "set continue_on_fail=true",
                    "set hangup_after_bridge=false",
                    "set ignore_early_media=true",
                    "bridge user/1001")),
        transcript.applications().toString());
  }

  @Test
  void anOfficersLegKilledOnTheInboundSocketEndsTheRingAsARefusalAndTheTalkAsOver()
      throws Exception {
    String ringingLeg = OfficerLeg.of(1).uuid();
    String talkingLeg = OfficerLeg.of(2).uuid();
    CompletableFuture<Void> answered = new CompletableFuture<>();
    CompletableFuture<List<BridgeOutcome>> outcomes = new CompletableFuture<>();
    int port =
        start(
            phone -> {
              phone.answer();
              List<BridgeOutcome> seen = new ArrayList<>();
              seen.add(phone.bridge("user/1", ringingLeg, Duration.ofSeconds(25), () -> {}));
              seen.add(
                  phone.bridge(
                      "user/2", talkingLeg, Duration.ofSeconds(25), () -> answered.complete(null)));
              outcomes.complete(seen);
              phone.hangUp();
            });
    OfficerPhones officers = new OfficerPhones().parse("user/1=ignore");
    officers.script(
        "user/2", new OfficerPhone.TalksUntil(Duration.ZERO, new CompletableFuture<>()));
    try (InboundFreeSwitch freeswitch = new InboundFreeSwitch("kill-test-password", officers);
        EslOfficerLegs legs =
            new EslOfficerLegs(
                new InboundEslSettings(
                    "127.0.0.1",
                    freeswitch.start(0),
                    "kill-test-password",
                    "",
                    "",
                    Duration.ofSeconds(5)))) {
      CompletableFuture<Transcript> call =
          CompletableFuture.supplyAsync(() -> call(port, officers));
      // Refused on the console while user/1 rings (asked again until the leg is up).
      while (!freeswitch.log().contains("uuid_kill CALL_REJECTED")) {
        legs.release(new OfficerLeg(ringingLeg), OfficerLeg.Release.REFUSED);
        Thread.sleep(50);
      }
      answered.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
      legs.release(new OfficerLeg(talkingLeg), OfficerLeg.Release.TRANSFERRED);
      Transcript transcript = call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);

      // user/1 ignores its ring: only the kill makes it a refusal (DONTCALL) rather than a
      // no-answer.
      assertEquals(List.of(BridgeOutcome.REFUSED, BridgeOutcome.TALKED), outcomes.join());
      assertTrue(
          transcript.applications().contains("bridge {origination_uuid=" + ringingLeg + "}user/1"),
          transcript.applications().toString());
      assertTrue(
          freeswitch.log().contains("uuid_kill NORMAL_CLEARING"), freeswitch.log().toString());
      legs.release(new OfficerLeg(talkingLeg), OfficerLeg.Release.TRANSFERRED);
      assertEquals(
          "uuid_kill no such channel",
          freeswitch.log().get(freeswitch.log().size() - 1),
          "a leg already gone is not found");
    }
  }

  @Test
  void eachWayAnOfficersPhoneEndsARingComesBackAsFreeSwitchReportsIt() {
    List<String> answered = new CopyOnWriteArrayList<>();
    CompletableFuture<List<BridgeOutcome>> outcomes = new CompletableFuture<>();
    int port =
        start(
            phone -> {
              phone.answer();
              List<BridgeOutcome> seen = new ArrayList<>();
              for (String officer : List.of("user/1", "user/2", "user/3", "user/4")) {
                seen.add(phone.bridge(officer, Duration.ofSeconds(1), () -> answered.add(officer)));
              }
              outcomes.complete(seen);
              // The officer hung up mid-call; the caller's line is still the phone bank's.
              phone.play(GOODBYE);
              phone.hangUp();
            });
    OfficerPhones officers = new OfficerPhones();
    officers.parse("user/1=ignore");
    officers.parse("user/2=refuse:0");
    officers.parse("user/3=unreachable");
    officers.parse("user/4=answer:0:0");

    Transcript transcript = call(port, officers);

    assertEquals(
        List.of(
            BridgeOutcome.NO_ANSWER,
            BridgeOutcome.REFUSED,
            BridgeOutcome.FAILED,
            BridgeOutcome.TALKED),
        outcomes.join());
    assertEquals(List.of("user/4"), answered);
    List<String> heard = transcript.spokenTexts();
    assertTrue(
        heard.containsAll(
            List.of(
                "[officer did not answer]",
                "[officer refused]",
                "[officer's phone unreachable: USER_NOT_REGISTERED]",
                "[officer answered; talking]",
                "[officer hung up]")),
        heard.toString());
    assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.toString());
  }

  @Test
  void anOfficerPhoneScriptedTwiceIgnoresTheFirstRingAndAnswersTheSecond() {
    OfficerPhones officers = new OfficerPhones().parse("user/9=ignore,answer:1:2");

    assertEquals(new OfficerPhone.Ignores(), officers.ring("user/9"));
    assertEquals(
        new OfficerPhone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(2)),
        officers.ring("user/9"));
    assertEquals(
        new OfficerPhone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(2)),
        officers.ring("user/9"),
        "the last behaviour repeats");
    assertEquals(OfficerPhone.DEFAULT, officers.ring("user/other"));
  }

  @Test
  void aBadOfficerPhoneOnTheCommandLineIsExplained() {
    assertThrows(IllegalArgumentException.class, () -> OfficerPhone.parse("pickup"));
    assertThrows(IllegalArgumentException.class, () -> OfficerPhone.parse("answer:soon"));
    assertThrows(IllegalArgumentException.class, () -> OfficerPhone.parse("ignore:3"));
    assertThrows(IllegalArgumentException.class, () -> new OfficerPhones().parse("ignore"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        PhoneSimulator.run(
            new String[] {"--officer", "user/1001=answer:-1"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(64, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("whole seconds"), err.toString());
  }
}
