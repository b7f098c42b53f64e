// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The journal port: every request to the switch is recorded before it is sent and closed with its
 * outcome.
 */
package org.phonebank.journal;
