// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether the phone bank can serve a caller now, and if not, why. A call needs the database
 * (journal before send), a signed-on switch link and the Event Socket listening; store-and-forward
 * whose oldest advice has waited past {@code safStuckAfter} means reversals are not reaching the
 * switch, so money the bank owes back is stuck, and new money movements should wait.
 *
 * @param databaseReachable a connection answered a validity check
 * @param switchSignedOn the active switch link is signed on and answering echoes
 * @param eventSocketListening FreeSWITCH can connect
 * @param safDepth advices released and not yet acknowledged
 * @param safOldest how long the oldest of them has waited since it was armed (zero when none)
 * @param safStuckAfter how long an advice may wait before the queue counts as stuck
 * @param safDeadLetters advices set aside for an operator. Reported, but not a reason to refuse
 *     calls: a dead letter no longer holds up the queue, and taking the node out of service would
 *     not bring the reversal nearer; the operator's console and this count are the alarm.
 */
public record CallReadiness(
    boolean databaseReachable,
    boolean switchSignedOn,
    boolean eventSocketListening,
    int safDepth,
    Duration safOldest,
    Duration safStuckAfter,
    int safDeadLetters) {

  public CallReadiness {
    Objects.requireNonNull(safOldest, "Oldest advice age is required.");
    Objects.requireNonNull(safStuckAfter, "SAF stuck threshold is required.");
    if (safDepth < 0 || safDeadLetters < 0) {
      throw new IllegalArgumentException("SAF counts must not be negative.");
    }
  }

  public boolean safStuck() {
    return safDepth > 0 && safOldest.compareTo(safStuckAfter) > 0;
  }

  public boolean ready() {
    return problems().isEmpty();
  }

  /** What keeps the phone bank from being ready, in words for an operator; empty when ready. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!databaseReachable) {
      problems.add("database unreachable");
    }
    if (!switchSignedOn) {
      problems.add("switch link not signed on");
    }
    if (!eventSocketListening) {
      problems.add("Event Socket not listening");
    }
    if (safStuck()) {
      problems.add(
          "store-and-forward stuck: "
              + safDepth
              + " advice(s), oldest waiting "
              + safOldest.toSeconds()
              + " s");
    }
    return List.copyOf(problems);
  }
}
