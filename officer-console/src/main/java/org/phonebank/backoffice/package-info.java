// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The back office's console: settlement files, reconciliation runs, the worklist of exceptions and
 * the runs' reports, for the {@code backoffice} role only.
 */
package org.phonebank.backoffice;
