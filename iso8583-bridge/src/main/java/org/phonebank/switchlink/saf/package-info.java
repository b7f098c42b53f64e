// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Reversals by store-and-forward: sealed 0420 advices kept in the durable queue until the switch
 * sends 0430.
 */
package org.phonebank.switchlink.saf;
