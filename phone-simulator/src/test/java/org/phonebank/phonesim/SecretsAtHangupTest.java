// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.CallFlow;
import org.phonebank.call.CallerHungUp;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.Phone;
import org.phonebank.call.SecretEntry;
import org.phonebank.call.esl.EslServer;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;

/**
 * What FreeSWITCH keeps of a card number or PIN when the caller hangs up in the middle of keying it
 * (issue 10 item 1): the channel variable the collection filled is still set when the hang-up is
 * reported, since the phone bank's {@code unset} never runs. With the dialplan of
 * docs/freeswitch.md the hang-up hook deletes it before the reporting state, so the CDR and
 * CHANNEL_HANGUP_COMPLETE carry nothing secret; without the hook (or with a hook FreeSWITCH cannot
 * run on a hung-up channel) they carry the keys.
 */
class SecretsAtHangupTest {

  private static final String SECRET = PhoneSimulatorCallTest.SECRET;
  private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
  private static final Prompt ENTER_CARD = Prompt.of(Language.ENGLISH, "enter-card");
  private static final Prompt ENTER_PIN = Prompt.of(Language.ENGLISH, "enter-pin");
  private static final String SECRET_VARIABLE = "pb_secret";

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private final List<EslServer> servers = new ArrayList<>();
  private final List<CallGenerator> generators = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    generators.forEach(CallGenerator::close);
    servers.forEach(EslServer::stop);
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Answers, then asks for a card number and a 4-digit PIN as secrets, then hangs up. */
  private static final class SignIn implements CallFlow {
    final CompletableFuture<RuntimeException> ended = new CompletableFuture<>();

    @Override
    public void handle(Phone phone) {
      try {
        phone.answer();
        try (SecretEntry card =
            phone.collectSecret(new DigitCollection(ENTER_CARD, 16, 16, Duration.ofSeconds(15)))) {
          // Only whether it was keyed matters here.
        }
        try (SecretEntry pin =
            phone.collectSecret(new DigitCollection(ENTER_PIN, 4, 4, Duration.ofSeconds(10)))) {
          // As above.
        }
        phone.hangUp();
        ended.complete(null);
      } catch (RuntimeException e) {
        ended.complete(e);
        throw e;
      }
    }
  }

  private Transcript call(Dialplan dialplan, String keys, SignIn flow) {
    EslServer server = new EslServer(flow, flows, TestEsl.settings(SECRET));
    servers.add(server);
    int port = server.start();
    CallGenerator generator = new CallGenerator(1, dialplan);
    generators.add(generator);
    return generator.place("127.0.0.1", port, CallScript.parse(keys), CALL_LIMIT).join();
  }

  @Test
  void aPinHalfKeyedWhenTheCallerHangsUpIsInNoCdr() {
    SignIn flow = new SignIn();

    Transcript transcript = call(Dialplan.shipped(SECRET), "6037991234567893 73H", flow);

    assertInstanceOf(CallerHungUp.class, flow.ended.join(), "the flow learns of the hang-up");
    assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending(), transcript.toString());
    assertTrue(
        transcript.lines().contains(Transcript.caller("hangs up in the middle of the entry")),
        transcript.toString());
    assertEquals("+OK cleared 3 variables", transcript.hangupHookOutcome());
    assertNoSecret(transcript.cdrVariables(), "73");
    // The hang-up is raised before the collection sets the variable to the keys so far.
    assertNoSecret(transcript.variablesAtHangup(), "73");
  }

  @Test
  void withoutTheHookTheHalfPinWouldReachTheCdr() {
    Transcript transcript =
        call(Dialplan.withoutHangupHook(SECRET), "6037991234567893 73H", new SignIn());

    assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending(), transcript.toString());
    assertEquals("no api_hangup_hook", transcript.hangupHookOutcome());
    assertEquals("73", transcript.cdrVariables().get(SECRET_VARIABLE));
  }

  @Test
  void fifteenDigitsOfACardAreTheWholeCardButReachNoCdr() {
    String fifteen = "603799123456789";

    Transcript with = call(Dialplan.shipped(SECRET), fifteen + "H", new SignIn());
    Transcript without = call(Dialplan.withoutHangupHook(SECRET), fifteen + "H", new SignIn());

    assertNoSecret(with.cdrVariables(), fifteen);
    assertEquals(fifteen, without.cdrVariables().get(SECRET_VARIABLE));
  }

  @Test
  void aHookThatIsNotGivenTheSessionClearsNothing() {
    Dialplan noSession = Dialplan.shipped(SECRET).with(HangupHook.WITH_SESSION_VARIABLE, "false");
    Dialplan byUuid =
        Dialplan.shipped(SECRET)
            .with(HangupHook.HOOK_VARIABLE, "uuid_setvar ${uuid} " + SECRET_VARIABLE);

    Transcript luaWithoutSession = call(noSession, "6037991234567893 73H", new SignIn());
    Transcript uuidSetvar = call(byUuid, "6037991234567893 73H", new SignIn());

    assertTrue(luaWithoutSession.hangupHookOutcome().startsWith("-ERR"));
    assertEquals("73", luaWithoutSession.cdrVariables().get(SECRET_VARIABLE));
    assertEquals("-ERR No such channel!", uuidSetvar.hangupHookOutcome());
    assertEquals("73", uuidSetvar.cdrVariables().get(SECRET_VARIABLE));
  }

  /**
   * The caller keys the whole PIN and hangs up before the phone bank's {@code unset}: the hang-up
   * event still carries it (nothing in FreeSWITCH runs before CHANNEL_HANGUP), the CDR does not.
   */
  @Test
  void aPinKeyedInFullJustBeforeTheHangupIsClearedBeforeTheCdrOnly() {
    Transcript transcript = call(Dialplan.shipped(SECRET), "6037991234567893 7391H", new SignIn());

    assertTrue(
        transcript.lines().contains(Transcript.caller("hangs up right after the entry")),
        transcript.toString());
    assertEquals("7391", transcript.variablesAtHangup().get(SECRET_VARIABLE));
    assertNoSecret(transcript.cdrVariables(), "7391");
  }

  @Test
  void secretCollectionsGiveFreeSwitchNoRegularExpressionToLogTheKeysWith() {
    Transcript transcript = call(Dialplan.shipped(SECRET), "6037991234567893 7391", new SignIn());

    List<String> secretReads =
        transcript.applications().stream()
            .filter(app -> app.startsWith("play_and_get_digits") && app.contains(" pb_secret "))
            .toList();
    assertEquals(2, secretReads.size(), transcript.applications().toString());
    for (String read : secretReads) {
      assertTrue(read.contains(" pb_secret '' "), read);
    }
  }

  @Test
  void theShippedDialplanIsTheOneDocumented() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "freeswitch.md"), StandardCharsets.UTF_8);

    assertTrue(docs.contains("data=\"session_in_hangup_hook=true\""), "docs/freeswitch.md");
    assertTrue(
        docs.contains("data=\"api_hangup_hook=" + Dialplan.HANGUP_HOOK + "\""),
        "docs/freeswitch.md must set the hook the simulator runs: " + Dialplan.HANGUP_HOOK);
  }

  private static void assertNoSecret(Map<String, String> variables, String keys) {
    assertFalse(variables.isEmpty(), "the variables were reported");
    assertFalse(variables.containsKey(SECRET_VARIABLE), "pb_secret left: " + variables.keySet());
    assertFalse(variables.containsKey(SECRET_VARIABLE + "_invalid"));
    assertFalse(variables.containsKey("pb_esl_secret"));
    assertFalse(variables.containsValue(keys));
  }
}
