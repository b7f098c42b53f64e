// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.phonebank.phonesim.CallScript;

/**
 * What one load run does: new calls arrive at {@code callsPerSecond} for {@code duration}, while at
 * most {@code concurrentCalls} are up at once, each caller keying {@code script} after {@code
 * thinkTime} at every prompt.
 *
 * @param host the phone bank's Event Socket address
 * @param port its port
 * @param concurrentCalls the most calls held at once; an arrival beyond it is not placed
 * @param callsPerSecond new calls per second
 * @param duration how long new calls arrive; calls still up then are allowed to finish
 * @param warmUp the first part of {@code duration} whose calls are placed and counted but not
 *     timed, while both ends' code is still being compiled
 * @param scripts what the callers key, taken in turn (caller n keys script n modulo their number):
 *     several scripts spread the calls over several cards, as a bank's callers are; each has the
 *     same number of groups, so that the steps are timed alike
 * @param thinkTime how long every prompt lasts for the caller (longer holds calls up longer)
 * @param callTimeout how long one call may take before it counts as an error
 * @param switchDelay the delay the bank-switch simulator was set to, zero when not measured
 * @param roundTripStep the script group whose answer goes to the switch (the PIN), 0 for the last
 *     group that keys something
 * @param roundTripAnswer the prompt the phone bank answers that group with once the switch has
 *     answered ({@code main-menu} after a right PIN; named as {@link Answer} names prompts): only
 *     those calls are timed against the switch delay, the others (refused before the switch, such
 *     as a card with no PIN try left) are counted apart
 * @param serverPid the phone bank server's process id for heap readings, 0 for none
 * @param threads the simulator's event loop threads
 */
public record LoadPlan(
    String host,
    int port,
    int concurrentCalls,
    double callsPerSecond,
    Duration duration,
    Duration warmUp,
    List<CallScript> scripts,
    Duration thinkTime,
    Duration callTimeout,
    Duration switchDelay,
    int roundTripStep,
    String roundTripAnswer,
    long serverPid,
    int threads) {

  public LoadPlan {
    Objects.requireNonNull(host, "Host is required.");
    Objects.requireNonNull(duration, "Duration is required.");
    Objects.requireNonNull(warmUp, "Warm-up is required.");
    scripts = List.copyOf(Objects.requireNonNull(scripts, "Key scripts are required."));
    if (scripts.isEmpty()) {
      throw new IllegalArgumentException("At least one key script is required.");
    }
    int groups = scripts.get(0).steps().size();
    if (scripts.stream().anyMatch(other -> other.steps().size() != groups)) {
      throw new IllegalArgumentException("Every key script must have the same number of groups.");
    }
    Objects.requireNonNull(thinkTime, "Think time is required.");
    Objects.requireNonNull(callTimeout, "Call timeout is required.");
    Objects.requireNonNull(switchDelay, "Switch delay is required.");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Port must be between 1 and 65535.");
    }
    if (concurrentCalls < 1) {
      throw new IllegalArgumentException("Concurrent calls must be at least 1.");
    }
    if (!(callsPerSecond > 0) || callsPerSecond > 100_000) {
      throw new IllegalArgumentException("Calls per second must be above 0 and at most 100000.");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Duration must be positive.");
    }
    if (warmUp.isNegative() || warmUp.compareTo(duration) >= 0) {
      throw new IllegalArgumentException(
          "Warm-up must be at least 0 and shorter than the duration.");
    }
    if (thinkTime.isNegative() || switchDelay.isNegative()) {
      throw new IllegalArgumentException("Think time and switch delay must not be negative.");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("Call timeout must be positive.");
    }
    Objects.requireNonNull(roundTripAnswer, "Round-trip answer is required.");
    if (roundTripAnswer.isBlank()) {
      throw new IllegalArgumentException("Round-trip answer must name a prompt.");
    }
    if (roundTripStep < 0 || roundTripStep > groups) {
      throw new IllegalArgumentException("Round-trip step must be a group of the key script.");
    }
    if (serverPid < 0) {
      throw new IllegalArgumentException("Server pid must not be negative.");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Threads must be at least 1.");
    }
  }

  /** The first key script (every caller's, when there is one). */
  public CallScript script() {
    return scripts.get(0);
  }

  /** What the {@code n}th caller keys (counted from 0). */
  public CallScript scriptFor(long n) {
    return scripts.get((int) (n % scripts.size()));
  }

  /** The script group timed against the switch delay: the one named, or the last one with keys. */
  public int timedStep() {
    if (roundTripStep > 0) {
      return roundTripStep;
    }
    CallScript script = script();
    for (int i = script.steps().size(); i > 0; i--) {
      if (script.steps().get(i - 1) instanceof CallScript.Keys) {
        return i;
      }
    }
    return 0;
  }
}
