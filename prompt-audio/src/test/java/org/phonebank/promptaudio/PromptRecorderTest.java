// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.PromptFile;

/** Real espeak-ng and sox (Debian packages, installed by .ci/run) speaking a few prompts. */
class PromptRecorderTest {

  private static final PromptFile EN_WELCOME = new PromptFile(Language.ENGLISH, "welcome");
  private static final PromptFile EN_GOODBYE = new PromptFile(Language.ENGLISH, "goodbye");
  private static final PromptFile FA_WELCOME = new PromptFile(Language.PERSIAN, "welcome");
  private static final PromptFile FA_FIVE = new PromptFile(Language.PERSIAN, "number-5");

  @TempDir Path prompts;

  private final PromptRecorder recorder =
      new PromptRecorder(new EspeakSpeaker("espeak-ng", "sox"), 2);

  private static Map<PromptFile, String> texts(String englishGoodbye) {
    Map<PromptFile, String> texts = new LinkedHashMap<>();
    texts.put(EN_WELCOME, "Welcome to the phone bank.");
    texts.put(EN_GOODBYE, englishGoodbye);
    texts.put(FA_WELCOME, "به تلفن بانک خوش آمدید.");
    texts.put(FA_FIVE, "پنج");
    return texts;
  }

  private Path wav(PromptFile file) {
    return prompts.resolve(file.language().code()).resolve(file.name() + ".wav");
  }

  @Test
  void everyPromptBecomesAnEightKilohertzMonoSixteenBitWav() throws Exception {
    PromptRecorder.Outcome outcome = recorder.record(texts("Goodbye."), prompts, false);

    assertEquals(new PromptRecorder.Outcome(4, 0, List.of()), outcome);
    for (PromptFile file : texts("Goodbye.").keySet()) {
      WavFormat format = WavFormat.of(wav(file));
      assertTrue(format.sameFormatAs(WavFormat.TELEPHONY), file + ": " + format);
      assertTrue(format.seconds() > 0.2, file + " lasts " + format.seconds() + " s");
    }
    assertTrue(loudestSample(wav(FA_WELCOME)) > 3000, "Persian welcome is silent");
    assertTrue(loudestSample(wav(FA_FIVE)) > 3000, "Persian five is silent");
    assertTrue(
        WavFormat.of(wav(FA_WELCOME)).seconds() > WavFormat.of(wav(FA_FIVE)).seconds(),
        "a sentence should last longer than one word");
    try (var left = Files.list(prompts.resolve("fa"))) {
      assertEquals(2, left.count(), "temporary files left behind");
    }
  }

  @Test
  void onlyAChangedMissingOrDamagedPromptIsSpokenAgain() throws Exception {
    recorder.record(texts("Goodbye."), prompts, false);
    byte[] welcome = Files.readAllBytes(wav(EN_WELCOME));
    byte[] goodbye = Files.readAllBytes(wav(EN_GOODBYE));
    Files.write(wav(FA_FIVE), new byte[] {1, 2, 3});
    Files.delete(wav(FA_WELCOME));

    PromptRecorder.Outcome outcome =
        recorder.record(texts("Thank you for calling. Goodbye."), prompts, true);

    assertEquals(new PromptRecorder.Outcome(3, 1, List.of()), outcome);
    assertArrayEquals(welcome, Files.readAllBytes(wav(EN_WELCOME)));
    assertFalse(java.util.Arrays.equals(goodbye, Files.readAllBytes(wav(EN_GOODBYE))));
    assertTrue(WavFormat.of(wav(EN_GOODBYE)).seconds() > WavFormat.of(wav(EN_WELCOME)).seconds());
    assertTrue(Files.exists(wav(FA_WELCOME)));
    assertTrue(WavFormat.of(wav(FA_FIVE)).sameFormatAs(WavFormat.TELEPHONY));

    PromptRecorder.Outcome again =
        recorder.record(texts("Thank you for calling. Goodbye."), prompts, true);
    assertEquals(new PromptRecorder.Outcome(0, 4, List.of()), again);
  }

  @Test
  void withoutOnlyMissingEveryPromptIsSpokenAgain() throws Exception {
    recorder.record(texts("Goodbye."), prompts, false);
    assertEquals(
        new PromptRecorder.Outcome(4, 0, List.of()),
        recorder.record(texts("Goodbye."), prompts, false));
  }

  @Test
  void aFailedPromptIsReportedAndRetriedNextTime() throws Exception {
    Speaker breaksOnFive =
        new Speaker() {
          final Speaker real = new EspeakSpeaker("espeak-ng", "sox");

          @Override
          public String voiceOf(String languageCode) {
            return real.voiceOf(languageCode);
          }

          @Override
          public void speak(String languageCode, String text, Path wav) throws IOException {
            if (text.equals("پنج")) {
              throw new IOException("voice lost");
            }
            real.speak(languageCode, text, wav);
          }
        };

    PromptRecorder.Outcome broken =
        new PromptRecorder(breaksOnFive, 2).record(texts("Goodbye."), prompts, false);
    assertEquals(3, broken.spoken());
    assertEquals(List.of("fa/number-5.wav: voice lost"), broken.failures());
    assertFalse(Files.exists(wav(FA_FIVE)));

    PromptRecorder.Outcome retried = recorder.record(texts("Goodbye."), prompts, true);
    assertEquals(new PromptRecorder.Outcome(1, 3, List.of()), retried);
  }

  @Test
  void aSpeakerThatIsMissingFailsEveryPromptWithoutStopping() throws Exception {
    PromptRecorder.Outcome outcome =
        new PromptRecorder(new EspeakSpeaker("/nonexistent/espeak-ng", "sox"), 2)
            .record(texts("Goodbye."), prompts, false);
    assertEquals(0, outcome.spoken());
    assertEquals(4, outcome.failures().size());
  }

  private static int loudestSample(Path wav) throws IOException {
    byte[] bytes = Files.readAllBytes(wav);
    ByteBuffer samples =
        ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN);
    int loudest = 0;
    while (samples.remaining() >= 2) {
      loudest = Math.max(loudest, Math.abs(samples.getShort()));
    }
    return loudest;
  }
}
