// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The journal, STAN/RRN sequence, store-and-forward queue, card lockouts and call paths on plain
 * JDBC, with the schema migrations that build their tables.
 */
package org.phonebank.journal.jdbc;
