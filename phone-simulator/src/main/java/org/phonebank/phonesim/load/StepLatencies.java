// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every call's reaction times, per script group: from the completion carrying the caller's keys to
 * the phone bank's next command of any kind, and to its next prompt (the next thing the caller
 * hears, which for a PIN includes the bank-switch round trip), kept apart by what that prompt was
 * ({@link Answer}): a PIN refused before the switch is answered sooner than one the switch checked,
 * and must not be mixed into the round trip.
 */
final class StepLatencies {

  private final Map<Integer, Latencies> toCommand = new ConcurrentSkipListMap<>();
  private final Map<Integer, Map<String, Latencies>> toPrompt = new ConcurrentSkipListMap<>();
  private final Map<Integer, Boolean> secret = new ConcurrentHashMap<>();

  void command(int step, boolean sensitive, long nanos) {
    secret.merge(step, sensitive, Boolean::logicalOr);
    toCommand.computeIfAbsent(step, s -> new Latencies()).add(nanos);
  }

  /**
   * @param answer the prompt (or application) the phone bank answered with
   */
  void prompt(int step, String answer, long nanos) {
    toPrompt
        .computeIfAbsent(step, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(answer, a -> new Latencies())
        .add(nanos);
  }

  List<StepSummary> summaries() {
    List<StepSummary> steps = new ArrayList<>();
    for (Map.Entry<Integer, Latencies> entry : toCommand.entrySet()) {
      int step = entry.getKey();
      Latencies every = new Latencies();
      Map<String, Latencies.Summary> byAnswer = new TreeMap<>();
      toPrompt
          .getOrDefault(step, Map.of())
          .forEach(
              (answer, latencies) -> {
                Latencies.Summary summary = latencies.summary();
                byAnswer.put(answer, summary);
                for (int i = 0; i < summary.count(); i++) {
                  every.add(summary.at(i));
                }
              });
      steps.add(
          new StepSummary(
              step, secret.get(step), entry.getValue().summary(), every.summary(), byAnswer));
    }
    return steps;
  }

  /**
   * One script group's reaction times.
   *
   * @param toPrompt to the next prompt, whatever it was
   * @param toPromptByAnswer the same, by the prompt's name (sorted by name)
   */
  record StepSummary(
      int step,
      boolean secret,
      Latencies.Summary toCommand,
      Latencies.Summary toPrompt,
      Map<String, Latencies.Summary> toPromptByAnswer) {

    StepSummary {
      toPromptByAnswer = Collections.unmodifiableMap(new TreeMap<>(toPromptByAnswer));
    }

    /** Calls answered with {@code answer}. */
    int answered(String answer) {
      Latencies.Summary summary = toPromptByAnswer.get(answer);
      return summary == null ? 0 : summary.count();
    }
  }
}
