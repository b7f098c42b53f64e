// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /health/started}: UP once the phone bank has migrated its schema, recovered the requests
 * in flight at the last stop, opened the switch link and started listening for calls.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

  @Inject PhoneBankProbes probes;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("phonebank-started").status(probes.started()).build();
  }
}
