// SPDX-License-Identifier: AGPL-3.0-or-later
/** Changing the telephone PIN: old PIN, a new one that is not easy to guess, keyed twice. */
package org.phonebank.pinchange;
