// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the application answers. A missing switch or database is readiness, not
 * liveness: restarting the server would not bring them back, and would cut every call in progress.
 */
@Liveness
@ApplicationScoped
public class LiveCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("phonebank-live");
  }
}
