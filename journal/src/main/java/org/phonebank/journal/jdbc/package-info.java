// SPDX-License-Identifier: AGPL-3.0-or-later
/** The journal and STAN/RRN sequence on plain JDBC, with the schema migrations that build their tables. */
package org.phonebank.journal.jdbc;
