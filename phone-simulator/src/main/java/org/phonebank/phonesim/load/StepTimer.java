// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.phonesim.load;

import java.util.Set;
import org.phonebank.phonesim.CallListener;

/**
 * Times one call: after each delivery of keys, the wait for the phone bank's next command and for
 * its next prompt, and names that prompt ({@link Answer}). Runs on the call's event loop only.
 */
final class StepTimer implements CallListener {

  /** Applications the caller hears, or that end the silence by ending or moving the call. */
  private static final Set<String> AUDIBLE =
      Set.of("playback", "play_and_get_digits", "hangup", "transfer", "bridge");

  private final StepLatencies latencies;
  private int step;
  private boolean sensitive;
  private long keysAt;
  private boolean awaitingCommand;
  private boolean awaitingPrompt;

  StepTimer(StepLatencies latencies) {
    this.latencies = latencies;
  }

  @Override
  public void keysDelivered(int step, boolean sensitive, long nanoTime) {
    this.step = step;
    this.sensitive = sensitive;
    this.keysAt = nanoTime;
    this.awaitingCommand = true;
    this.awaitingPrompt = true;
  }

  @Override
  public void commandReceived(String name, String argument, long nanoTime) {
    if (awaitingCommand) {
      awaitingCommand = false;
      latencies.command(step, sensitive, nanoTime - keysAt);
    }
    if (awaitingPrompt && AUDIBLE.contains(name)) {
      awaitingPrompt = false;
      latencies.prompt(step, Answer.of(name, argument), nanoTime - keysAt);
    }
  }
}
