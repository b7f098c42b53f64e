// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.phonebank.prompt.Language;
import org.phonebank.prompt.PromptCatalogue;
import org.phonebank.prompt.PromptFile;

/**
 * Generates the audio of every prompt in the catalogues ({@code
 * org/phonebank/prompt/<lang>.properties} in ivr-flows) with espeak-ng, as {@code
 * <out>/<lang>/<name>.wav} at 8 kHz mono 16-bit, FreeSWITCH's native narrow-band format. Recordings
 * are generated, never committed; so is the hold music ({@link HoldMusic}, {@code
 * <out>/<lang>/hold-music.wav}).
 *
 * <pre>
 * java -jar prompt-audio/target/prompt-audio-0.1.0-SNAPSHOT.jar --out "$PHONEBANK_STATE/prompts" \
 *     [--only-missing] [--jobs 2] [--espeak espeak-ng] [--sox sox]
 * </pre>
 *
 * {@code --only-missing} keeps every file whose text is unchanged since it was spoken (see {@link
 * AudioManifest}). Exits 0 when every prompt has its file, 1 when some failed, 64 on bad arguments.
 */
public final class PromptAudio {

  private PromptAudio() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    Path directory = null;
    boolean onlyMissing = false;
    int jobs = Runtime.getRuntime().availableProcessors();
    String espeak = "espeak-ng";
    String sox = "sox";
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--only-missing")) {
          onlyMissing = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + option + " needs a value.");
        }
        String value = args[++i];
        switch (option) {
          case "--out" -> directory = Path.of(value);
          case "--jobs" -> jobs = Integer.parseInt(value);
          case "--espeak" -> espeak = value;
          case "--sox" -> sox = value;
          default -> throw new IllegalArgumentException("Unknown option " + option + ".");
        }
      }
      if (directory == null) {
        throw new IllegalArgumentException("--out <dir> is required.");
      }
      long started = System.nanoTime();
      Map<PromptFile, String> texts = catalogueTexts(PromptCatalogue.load());
      PromptRecorder.Outcome outcome =
          new PromptRecorder(new EspeakSpeaker(espeak, sox), jobs)
              .record(texts, directory, onlyMissing);
      int music = new HoldMusic(sox).record(directory, onlyMissing);
      out.printf(
          "prompt audio in %s: %d spoken, %d unchanged, %d failed, hold music %d written (%.1f s)%n",
          directory,
          outcome.spoken(),
          outcome.kept(),
          outcome.failures().size(),
          music,
          (System.nanoTime() - started) / 1e9);
      outcome.failures().forEach(failure -> err.println("failed: " + failure));
      return outcome.failures().isEmpty() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "usage: PromptAudio --out <dir> [--only-missing] [--jobs N] [--espeak espeak-ng]"
              + " [--sox sox]");
      return 64;
    } catch (IOException e) {
      err.println("cannot write prompt audio: " + e.getMessage());
      return 1;
    }
  }

  /** Every prompt of every language, in a stable order. */
  static Map<PromptFile, String> catalogueTexts(PromptCatalogue catalogue) {
    Map<PromptFile, String> texts = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      for (String name : new TreeSet<>(catalogue.names(language))) {
        PromptFile file = new PromptFile(language, name);
        texts.put(file, catalogue.textOf(file));
      }
    }
    return texts;
  }
}
