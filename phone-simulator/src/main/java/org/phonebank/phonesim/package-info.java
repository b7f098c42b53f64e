// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * A fake FreeSWITCH that calls the phone bank over the outbound Event Socket and keys in a script.
 */
package org.phonebank.phonesim;
