// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.phonebank.saf.AdviceQueue;
import org.phonebank.saf.QueuedAdvice;

/**
 * Where the health checks look: the phone bank's server attaches its parts here once they are up
 * and detaches them when it stops, so a check never waits on the server's start-up and never holds
 * a part alive. Every read is cheap enough for a probe every few seconds.
 */
@ApplicationScoped
public class PhoneBankProbes {

  /** Advices read to count the queue: a queue this deep is stuck whatever its age. */
  private static final int MAX_COUNTED = 10_000;

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
    List<QueuedAdvice> waiting = p.advices().released(MAX_COUNTED);
    Duration oldest =
        waiting.stream()
            .map(a -> Duration.between(a.armedAt(), p.clock().instant()))
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return new CallReadiness(
        databaseAnswers(p.dataSource()),
        p.switchSignedOn().getAsBoolean(),
        p.eventSocketListening().getAsBoolean(),
        waiting.size(),
        oldest.isNegative() ? Duration.ZERO : oldest,
        p.safStuckAfter(),
        p.advices().deadLetters(MAX_COUNTED).size());
  }

  private static boolean databaseAnswers(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
