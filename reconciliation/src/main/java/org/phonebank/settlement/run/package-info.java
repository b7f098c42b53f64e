// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A reconciliation run as a restartable sequence of match-key groups: read, classify, write, with a
 * checkpoint after each chunk; the Jakarta Batch job in the EAR is a thin adapter over it.
 */
package org.phonebank.settlement.run;
