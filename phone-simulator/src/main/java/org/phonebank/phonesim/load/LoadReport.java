// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.phonebank.phonesim.load.StepLatencies.StepSummary;

/** A {@link LoadResult} as Markdown tables for BENCHMARKS.md. */
final class LoadReport {

  private LoadReport() {}

  static String markdown(LoadResult result) {
    LoadPlan plan = result.plan();
    StringBuilder out = new StringBuilder();
    out.append(
        format(
            "Load: %s:%d, %.1f new calls/s for %d s (the first %d s untimed), at most %d calls up,"
                + " think time %d ms per prompt, %s.%n%n",
            plan.host(),
            plan.port(),
            plan.callsPerSecond(),
            plan.duration().toSeconds(),
            plan.warmUp().toSeconds(),
            plan.concurrentCalls(),
            plan.thinkTime().toMillis(),
            plan.scripts().size() == 1
                ? plan.script()
                : plan.scripts().size() + " key scripts in turn, the first " + plan.script()));
    out.append("| measure | value |\n|---|---|\n");
    row(out, "calls placed", Integer.toString(result.placed()));
    row(
        out,
        "completed (bank hung up / caller hung up)",
        format("%d (%d / %d)", result.completed(), result.bankHungUp(), result.callerHungUp()));
    row(out, "errors", Integer.toString(result.errors()));
    int timed = plan.timedStep();
    if (timed > 0) {
      int expected =
          answered(result.steps(), timed, plan.roundTripAnswer())
              + answered(result.warmUpSteps(), timed, plan.roundTripAnswer());
      int otherwise = result.placed() - expected;
      row(
          out,
          format(
              "calls whose step %d was not answered with %s (refused before the switch, e.g. no PIN"
                  + " try left, or ended sooner; not timed against the switch)",
              timed, plan.roundTripAnswer()),
          format(
              "%d (%.1f %%)",
              otherwise, result.placed() > 0 ? 100.0 * otherwise / result.placed() : 0));
    }
    row(out, "arrivals not placed (concurrency cap)", Integer.toString(result.overCap()));
    row(
        out,
        "completed calls per second (steady: calls ending, warm-up over, arrivals on)",
        format(
            "%.1f (%d in %.1f s)",
            result.completedPerSecond(),
            result.steady().completed(),
            result.steady().window().toMillis() / 1e3));
    row(
        out,
        "first call placed to last call over",
        format("%.1f s", result.elapsed().toMillis() / 1e3));
    row(out, "peak concurrent calls held", Integer.toString(result.peakHeld()));
    result
        .memory()
        .ifPresent(
            heap -> {
              row(
                  out,
                  "server heap per held call",
                  format(
                      "%.1f KiB (live heap %.1f → %.1f MiB with %d calls up)",
                      heap.bytesPerCall() / 1024.0,
                      heap.baselineBytes() / 1048576.0,
                      heap.holdingBytes() / 1048576.0,
                      heap.held()));
              if (heap.residentBaselineBytes() > 0) {
                row(
                    out,
                    "server resident memory (PSS) per held call (heap, stacks, buffers)",
                    format(
                        "%.1f KiB (%.1f → %.1f MiB)",
                        heap.residentBytesPerCall() / 1024.0,
                        heap.residentBaselineBytes() / 1048576.0,
                        heap.residentHoldingBytes() / 1048576.0));
              }
            });
    if (!result.steps().isEmpty()) {
      out.append(steps(result));
    }
    if (timed > 0) {
      out.append(answers(result, timed));
    }
    if (!plan.switchDelay().isZero()) {
      out.append(roundTrip(result));
    }
    if (!result.errorSamples().isEmpty()) {
      out.append("\nFirst errors:\n");
      result.errorSamples().forEach(error -> out.append("- ").append(error).append('\n'));
    }
    return out.toString();
  }

  private static String steps(LoadResult result) {
    StringBuilder out = new StringBuilder();
    out.append(
        "\n| step | entry | samples | keys → next command p50 | p99 | max"
            + " | keys → next prompt p50 | p99 | max |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (StepSummary step : result.steps()) {
      out.append(
          format(
              "| %d | %s | %d | %s | %s | %s | %s | %s | %s |%n",
              step.step(),
              step.secret() ? "secret" : "keys",
              step.toCommand().count(),
              millis(step.toCommand().percentile(50)),
              millis(step.toCommand().percentile(99)),
              millis(step.toCommand().max()),
              millis(step.toPrompt().percentile(50)),
              millis(step.toPrompt().percentile(99)),
              millis(step.toPrompt().max())));
    }
    return out.toString();
  }

  /**
   * What the round-trip step was answered with, for the timed calls and those of the warm-up: a PIN
   * the switch checked leads to the main menu, a card with no try left to {@code card-locked}.
   */
  private static String answers(LoadResult result, int timed) {
    Map<String, int[]> counts = new TreeMap<>();
    count(result.steps(), timed, counts, 0);
    count(result.warmUpSteps(), timed, counts, 1);
    if (counts.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append(
        format(
            "%n| step %d answered with | timed calls | warm-up calls |%n|---|---|---|%n", timed));
    String expected = result.plan().roundTripAnswer();
    counts.entrySet().stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
        .forEach(
            entry ->
                out.append(
                    format(
                        "| %s%s | %d | %d |%n",
                        entry.getKey(),
                        entry.getKey().equals(expected) ? " (expected: the switch answered)" : "",
                        entry.getValue()[0],
                        entry.getValue()[1])));
    return out.toString();
  }

  private static void count(
      List<StepSummary> steps, int timed, Map<String, int[]> counts, int column) {
    for (StepSummary step : steps) {
      if (step.step() == timed) {
        step.toPromptByAnswer()
            .forEach(
                (answer, summary) ->
                    counts.computeIfAbsent(answer, a -> new int[2])[column] += summary.count());
      }
    }
  }

  private static int answered(List<StepSummary> steps, int timed, String answer) {
    return steps.stream()
        .filter(step -> step.step() == timed)
        .mapToInt(step -> step.answered(answer))
        .sum();
  }

  /**
   * The step whose answer goes to the switch, against the switch's fixed delay: what the phone bank
   * adds on top of the round trip, and the ratio of the two. Only the calls answered with the
   * expected prompt count: a call refused before the switch (no PIN try left) never made the round
   * trip. The keys → next prompt time of every call at that step is given as well.
   */
  private static String roundTrip(LoadResult result) {
    int timed = result.plan().timedStep();
    String expected = result.plan().roundTripAnswer();
    long delay = result.plan().switchDelay().toNanos();
    for (StepSummary step : result.steps()) {
      Latencies.Summary reached = step.toPromptByAnswer().get(expected);
      if (step.step() == timed && reached != null && reached.count() > 0) {
        long p50 = reached.percentile(50);
        long p99 = reached.percentile(99);
        return format(
            "%n| switch round trip (step %d, delay %s, the %d timed calls answered with %s)"
                + " | p50 | p99 |%n|---|---|---|%n"
                + "| keys → next prompt | %s | %s |%n"
                + "| added by the phone bank (minus the delay) | %s | %s |%n"
                + "| ratio to the delay | %.2fx | %.2fx |%n"
                + "| keys → next prompt, every answer (%d calls) | %s | %s |%n",
            timed,
            millis(delay),
            reached.count(),
            expected,
            millis(p50),
            millis(p99),
            millis(p50 - delay),
            millis(p99 - delay),
            (double) p50 / delay,
            (double) p99 / delay,
            step.toPrompt().count(),
            millis(step.toPrompt().percentile(50)),
            millis(step.toPrompt().percentile(99)));
      }
    }
    return format(
        "%nNo timed call was answered with %s at step %d: no switch round trip to report.%n",
        expected, timed);
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String millis(long nanos) {
    return format("%.2f ms", nanos / 1e6);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
