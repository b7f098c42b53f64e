// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call.esl;

import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log of connections refused before they became calls, at most one line every ten seconds: a
 * thousand hostile connections must not become a thousand log lines written on the event loop that
 * real calls share. The first refusal in a quiet spell is logged with its address and reason; the
 * ones that follow are counted into the next line.
 */
final class Refusals {

  private static final System.Logger LOG = System.getLogger(Refusals.class.getName());
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - QUIET_NANOS);
  private final AtomicInteger unlogged = new AtomicInteger();

  void refused(SocketAddress from, String reason) {
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last < QUIET_NANOS || !lastLogged.compareAndSet(last, now)) {
      unlogged.incrementAndGet();
      return;
    }
    int before = unlogged.getAndSet(0);
    LOG.log(
        Level.WARNING,
        "Event Socket connection from {0} refused: {1}{2}",
        from,
        reason,
        before == 0 ? "." : " (and " + before + " more refused in the last ten seconds).");
  }
}
