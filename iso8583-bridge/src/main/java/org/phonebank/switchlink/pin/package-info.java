// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * ISO 9564 format 0 (TDES) and format 4 (AES) PIN blocks, built from the caller's telephone PIN and
 * enciphered under the zone PIN key.
 */
package org.phonebank.switchlink.pin;
