// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.promptaudio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.phonebank.prompt.PromptFile;

/**
 * Speaks every prompt into {@code <dir>/<lang>/<name>.wav}, several at once. With {@code
 * onlyMissing}, a playable file whose manifest hash matches its current text is kept; every other
 * file (missing, damaged, or spoken from another text) is spoken again. Each file is written beside
 * its final name and moved into place, so FreeSWITCH never plays half a file.
 */
final class PromptRecorder {

  /** How a generation went. */
  record Outcome(int spoken, int kept, List<String> failures) {}

  private final Speaker speaker;
  private final int jobs;

  PromptRecorder(Speaker speaker, int jobs) {
    this.speaker = Objects.requireNonNull(speaker, "Speaker is required.");
    if (jobs < 1) {
      throw new IllegalArgumentException("Jobs must be at least 1.");
    }
    this.jobs = jobs;
  }

  Outcome record(Map<PromptFile, String> texts, Path directory, boolean onlyMissing)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    AudioManifest manifest = AudioManifest.in(directory);
    AtomicInteger spoken = new AtomicInteger();
    AtomicInteger kept = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    ExecutorService workers = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Map.Entry<PromptFile, String> prompt : texts.entrySet()) {
        results.add(
            workers.submit(
                () -> {
                  PromptFile file = prompt.getKey();
                  String code = file.language().code();
                  String relative = code + "/" + file.name() + ".wav";
                  String hash = AudioManifest.hashOf(speaker.voiceOf(code), prompt.getValue());
                  Path wav = directory.resolve(relative);
                  if (onlyMissing && manifest.matches(relative, hash) && playable(wav)) {
                    kept.incrementAndGet();
                    return null;
                  }
                  try {
                    speak(code, prompt.getValue(), wav);
                    manifest.record(relative, hash);
                    spoken.incrementAndGet();
                    return null;
                  } catch (IOException e) {
                    manifest.forget(relative);
                    return relative + ": " + e.getMessage();
                  }
                }));
      }
      for (Future<String> result : results) {
        String failure = result.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Prompt generation failed.", e.getCause());
    } finally {
      workers.shutdownNow();
    }
    manifest.save();
    return new Outcome(spoken.get(), kept.get(), List.copyOf(failures));
  }

  /** Whether {@code wav} is telephony audio with samples: kept by an --only-missing run. */
  static boolean playable(Path wav) {
    try {
      WavFormat format = WavFormat.of(wav);
      return format.sameFormatAs(WavFormat.TELEPHONY) && format.dataBytes() > 0;
    } catch (IOException missingOrDamaged) {
      return false;
    }
  }

  private void speak(String code, String text, Path wav) throws IOException {
    Files.createDirectories(wav.getParent());
    Path partial = Files.createTempFile(wav.getParent(), "." + wav.getFileName(), ".part.wav");
    try {
      speaker.speak(code, text, partial);
      moveIntoPlace(partial, wav);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Moves a file written beside its final name into place, once it is telephony audio, so
   * FreeSWITCH never plays half a file.
   *
   * @throws IOException if {@code partial} is not 8 kHz mono 16-bit PCM audio with samples
   */
  static void moveIntoPlace(Path partial, Path wav) throws IOException {
    WavFormat format = WavFormat.of(partial);
    if (!format.sameFormatAs(WavFormat.TELEPHONY) || format.dataBytes() == 0) {
      throw new IOException("written file is not 8 kHz mono 16-bit PCM audio: " + format);
    }
    Files.move(partial, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
