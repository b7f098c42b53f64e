// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Locking a card out of the phone channel after repeated wrong PINs, and an officer lifting the
 * lock.
 */
package org.phonebank.lockout;
