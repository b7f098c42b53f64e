// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The supervisor's wallboard: per queue the callers waiting now, the longest wait, service level,
 * abandon rate, average speed of answer and handling time, callbacks waiting; officers by state;
 * the last hours in buckets for a chart. {@link org.phonebank.officer.wallboard.Wallboard} is plain
 * arithmetic over the escalation store's rows (read through the port {@link
 * org.phonebank.officer.wallboard.WallboardFacts}) and a clock, so the figures are unit-tested with
 * a scripted clock; the JDBC adapter and the REST and live endpoints sit at the edges.
 */
package org.phonebank.officer.wallboard;
