// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Key material of the switch link: TLS identities, the zone PIN and MAC keys, and demo credentials.
 */
package org.phonebank.switchlink.keys;
