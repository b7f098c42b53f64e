// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: DOWN while the database is unreachable, the switch link is not signed on,
 * the Event Socket is not listening, or store-and-forward is stuck; its data say which, and how
 * many reversals wait in store-and-forward's dead letters for an operator.
 */
@Readiness
@ApplicationScoped
public class ReadyCheck implements HealthCheck {

  @Inject PhoneBankProbes probes;

  @Override
  public HealthCheckResponse call() {
    CallReadiness r = probes.readiness();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("phonebank-ready")
            .status(r.ready())
            .withData("database", r.databaseReachable() ? "UP" : "DOWN")
            .withData("switch-link", r.switchSignedOn() ? "UP" : "DOWN")
            .withData("event-socket", r.eventSocketListening() ? "UP" : "DOWN")
            .withData("saf-depth", r.safDepth())
            .withData("saf-oldest-seconds", r.safOldest().toSeconds())
            .withData("saf-dead-letters", r.safDeadLetters());
    if (!r.ready()) {
      response.withData("problems", String.join("; ", r.problems()));
    }
    return response.build();
  }
}
