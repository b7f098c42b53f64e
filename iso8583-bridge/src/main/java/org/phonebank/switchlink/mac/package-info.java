// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The message authentication code of the switch link: ISO 9797-1 algorithm 3 under the zone MAC
 * key.
 */
package org.phonebank.switchlink.mac;
