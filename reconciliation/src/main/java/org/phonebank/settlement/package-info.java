// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Matching the phone bank's journal against the switch's settlement records, difference by
 * difference.
 */
package org.phonebank.settlement;
