// SPDX-License-Identifier: AGPL-3.0-or-later
/** The officers' console: cards locked out of the phone channel, and lifting a lock. */
package org.phonebank.officer;
