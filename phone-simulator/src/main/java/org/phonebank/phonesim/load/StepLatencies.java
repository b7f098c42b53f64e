// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every call's reaction times, per script group: from the completion carrying the caller's keys to
 * the phone bank's next command of any kind, and to its next prompt (the next thing the caller
 * hears, which for a PIN includes the bank-switch round trip).
 */
final class StepLatencies {

  private final Map<Integer, Latencies> toCommand = new ConcurrentSkipListMap<>();
  private final Map<Integer, Latencies> toPrompt = new ConcurrentSkipListMap<>();
  private final Map<Integer, Boolean> secret = new ConcurrentHashMap<>();

  void command(int step, boolean sensitive, long nanos) {
    secret.merge(step, sensitive, Boolean::logicalOr);
    toCommand.computeIfAbsent(step, s -> new Latencies()).add(nanos);
  }

  void prompt(int step, long nanos) {
    toPrompt.computeIfAbsent(step, s -> new Latencies()).add(nanos);
  }

  List<StepSummary> summaries() {
    List<StepSummary> steps = new ArrayList<>();
    for (Map.Entry<Integer, Latencies> entry : toCommand.entrySet()) {
      int step = entry.getKey();
      Latencies prompts = toPrompt.getOrDefault(step, new Latencies());
      steps.add(
          new StepSummary(step, secret.get(step), entry.getValue().summary(), prompts.summary()));
    }
    return steps;
  }

  /** One script group's reaction times. */
  record StepSummary(
      int step, boolean secret, Latencies.Summary toCommand, Latencies.Summary toPrompt) {}
}
