// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The officers' REST API, under {@code /officer/api}; the same sign-in protects it and the console
 * pages. web.xml's security constraints refuse a wrong role per path before a resource runs; the
 * resources' {@code @RolesAllowed} is enforced again by Jersey's roles feature, registered here.
 */
@ApplicationPath("api")
public class OfficerApi extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}
