// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.officer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The officers' REST API, under {@code /officer/api}; the same login protects it and the console
 * page.
 */
@ApplicationPath("api")
public class OfficerApi extends Application {}
