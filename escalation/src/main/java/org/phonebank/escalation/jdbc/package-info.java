// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The officers' queues' shared state on plain JDBC (Derby and PostgreSQL): the edge of escalation.
 */
package org.phonebank.escalation.jdbc;
