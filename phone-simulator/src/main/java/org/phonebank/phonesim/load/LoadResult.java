// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a load run counted.
 *
 * @param placed calls placed
 * @param bankHungUp calls the phone bank ended (the normal end)
 * @param callerHungUp calls the script ended by hanging up
 * @param errors calls that failed: no connection, malformed command, time-out, socket dropped
 * @param overCap arrivals not placed because the concurrency cap was reached
 * @param peakHeld the most calls up at once
 * @param elapsed from the first call placed to the last call over
 * @param steady completions once calls had begun to end and the warm-up was over, until the last
 *     arrival
 * @param steps reaction times per script group, of the calls placed after the warm-up
 * @param warmUpSteps the same of the calls placed during the warm-up (counted, not timed)
 * @param memory heap the server holds per held call, when a server pid was given
 * @param errorSamples the first few error descriptions
 */
record LoadResult(
    LoadPlan plan,
    int placed,
    int bankHungUp,
    int callerHungUp,
    int errors,
    int overCap,
    int peakHeld,
    Duration elapsed,
    Steady steady,
    List<StepLatencies.StepSummary> steps,
    List<StepLatencies.StepSummary> warmUpSteps,
    Optional<HeapPerCall> memory,
    List<String> errorSamples) {

  int completed() {
    return bankHungUp + callerHungUp;
  }

  /** Completions per second in the steady window; 0 when there was none. */
  double completedPerSecond() {
    double seconds = steady.window().toNanos() / 1e9;
    return seconds > 0 ? steady.completed() / seconds : 0;
  }

  /** Calls completed within a window of the run. */
  record Steady(int completed, Duration window) {}

  /**
   * Server memory growth while {@code held} calls were up: live heap after a full collection, and
   * resident memory (0 when unknown), which also counts each call's thread stack.
   */
  record HeapPerCall(
      long baselineBytes,
      long holdingBytes,
      long residentBaselineBytes,
      long residentHoldingBytes,
      int held) {
    long bytesPerCall() {
      return held > 0 ? (holdingBytes - baselineBytes) / held : 0;
    }

    long residentBytesPerCall() {
      return held > 0 ? (residentHoldingBytes - residentBaselineBytes) / held : 0;
    }
  }
}
