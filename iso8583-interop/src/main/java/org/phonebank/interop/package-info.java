// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The switch link's interface rules written a second time, apart from the bridge, to check it
 * against.
 */
package org.phonebank.interop;
