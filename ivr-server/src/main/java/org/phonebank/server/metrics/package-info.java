// SPDX-License-Identifier: AGPL-3.0-or-later
/** The phone bank's own figures, published by MicroProfile Metrics in OpenMetrics text. */
package org.phonebank.server.metrics;
