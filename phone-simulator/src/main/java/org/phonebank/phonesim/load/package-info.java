// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A load driver: many simulated FreeSWITCH calls at once against one phone bank, timing how fast it
 * answers the caller's keys.
 */
package org.phonebank.phonesim.load;
