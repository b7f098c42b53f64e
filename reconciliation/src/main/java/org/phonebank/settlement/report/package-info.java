// SPDX-License-Identifier: AGPL-3.0-or-later
/** The balance (settlement) report of a business date and its proof against the switch's totals. */
package org.phonebank.settlement.report;
