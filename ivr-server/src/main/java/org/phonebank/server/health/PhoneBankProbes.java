// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.SafBacklog;

/**
 * Where the health checks look: the phone bank's server attaches its parts here once they are up
 * and detaches them when it stops, so a check never waits on the server's start-up and never holds
 * a part alive. Every read is cheap enough for a probe every few seconds.
 */
@ApplicationScoped
public class PhoneBankProbes {

  private volatile Parts parts;
  private volatile boolean started;

  /** The parts of a started phone bank. */
  public record Parts(
      DataSource dataSource,
      BooleanSupplier switchSignedOn,
      BooleanSupplier eventSocketListening,
      AdviceQueue advices,
      Duration safStuckAfter,
      Clock clock) {}

  public void attach(Parts started) {
    this.parts = started;
    this.started = true;
  }

  public void detach() {
    this.parts = null;
  }

  /** The server finished its start once (for the startup probe). */
  public boolean started() {
    return started;
  }

  /** Readiness now; not ready at all before the start or after the stop. */
  public CallReadiness readiness() {
    Parts p = parts;
    if (p == null) {
      return new CallReadiness(false, false, false, 0, Duration.ZERO, Duration.ofMinutes(5), 0);
    }
    SafBacklog backlog = safBacklog();
    return new CallReadiness(
        databaseAnswers(p.dataSource()),
        p.switchSignedOn().getAsBoolean(),
        p.eventSocketListening().getAsBoolean(),
        backlog.waiting(),
        backlog.oldest(),
        p.safStuckAfter(),
        p.advices().deadLetters(SafBacklog.MAX_COUNTED).size());
  }

  /**
   * Store-and-forward's backlog now, read once per call; {@link SafBacklog#NONE} before the start
   * or after the stop. The readiness check and the metrics' gauges both report this one reading.
   */
  public SafBacklog safBacklog() {
    Parts p = parts;
    return p == null ? SafBacklog.NONE : SafBacklog.of(p.advices(), p.clock().instant());
  }

  private static boolean databaseAnswers(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
