// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Transfers to another card or to an own account, with the destination's holder read back and
 * limits.
 */
package org.phonebank.transfer;
