// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The back office's worklist: every exception of a completed reconciliation run is resolved with a
 * reason and a note, append-only, and opens its whole chain (settlement line, journal entry,
 * reversal attempts, the call).
 */
package org.phonebank.settlement.worklist;
