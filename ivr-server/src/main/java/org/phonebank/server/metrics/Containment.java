// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.phonebank.callpath.CallEnding;

/**
 * Containment, the contact-centre figure: the share of calls that ended in the IVR without being
 * handed to an officer, i.e. every ending except {@link CallEnding#ESCALATED}, over all calls ended
 * since the phone bank started. 0 before the first call. Failed, given-up and locked-out calls
 * count as contained here, as the industry counts them; each has its own counter to alert on.
 */
final class Containment {

  private final Map<CallEnding, AtomicLong> ended = new EnumMap<>(CallEnding.class);

  Containment() {
    for (CallEnding ending : CallEnding.values()) {
      ended.put(ending, new AtomicLong());
    }
  }

  void ended(CallEnding ending) {
    ended.get(ending).incrementAndGet();
  }

  /** In [0, 1]. */
  double ratio() {
    long all = ended.values().stream().mapToLong(AtomicLong::get).sum();
    if (all == 0) {
      return 0;
    }
    return (double) (all - ended.get(CallEnding.ESCALATED).get()) / all;
  }
}
