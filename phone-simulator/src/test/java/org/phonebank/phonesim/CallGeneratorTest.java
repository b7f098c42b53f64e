// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phonebank.call.DigitCollection;
import org.phonebank.call.esl.EslServer;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.Prompt;
import org.phonebank.prompt.PromptCatalogue;

/** Many calls at once on one shared event loop thread, each with its own state. */
class CallGeneratorTest {

  /** The phone bank's Event Socket peer secret in these tests; the simulator sets it. */
  static final String SECRET = "phone-simulator-test-secret";

  private static final Prompt WELCOME = Prompt.of(Language.PERSIAN, "welcome");
  private static final Prompt MENU = Prompt.of(Language.PERSIAN, "for-persian-press-1");
  private static final Prompt GOODBYE = Prompt.of(Language.PERSIAN, "goodbye");

  private final ExecutorService flows = Executors.newCachedThreadPool();
  private EslServer server;

  @AfterEach
  void stop() throws InterruptedException {
    server.stop();
    flows.shutdownNow();
    flows.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void twoHundredCallsAtOnceOnOneThreadEachHearTheirOwnCall() {
    server =
        new EslServer(
            phone -> {
              phone.answer();
              phone.play(WELCOME);
              phone.collect(new DigitCollection(MENU, 1, 1, Duration.ofSeconds(5)));
              phone.play(GOODBYE);
              phone.hangUp();
            },
            flows,
            TestEsl.settings(SECRET));
    int port = server.start();
    PromptCatalogue catalogue = PromptCatalogue.load();
    List<CompletableFuture<Transcript>> calls = new ArrayList<>();

    try (CallGenerator generator = new CallGenerator(1, SECRET)) {
      for (int i = 0; i < 200; i++) {
        // Half the callers hang up at the menu, and every prompt lasts a moment, so calls overlap.
        CallScript script = CallScript.parse(i % 2 == 0 ? "1" : "H");
        calls.add(
            generator.place(
                "127.0.0.1",
                port,
                script,
                Duration.ofMillis(20),
                Duration.ofSeconds(60),
                CallListener.NONE));
      }
      for (int i = 0; i < calls.size(); i++) {
        Transcript transcript = calls.get(i).join();
        if (i % 2 == 0) {
          assertEquals(Transcript.Ending.APP_HUNG_UP, transcript.ending(), transcript.detail());
          assertEquals(
              List.of(catalogue.textOf(WELCOME), catalogue.textOf(MENU), catalogue.textOf(GOODBYE)),
              transcript.spokenTexts());
        } else {
          assertEquals(Transcript.Ending.CALLER_HUNG_UP, transcript.ending(), transcript.detail());
          assertEquals(
              List.of(catalogue.textOf(WELCOME), catalogue.textOf(MENU)), transcript.spokenTexts());
        }
      }
    }
    assertEquals(200, calls.stream().map(call -> call.join().callId()).distinct().count());
  }
}
