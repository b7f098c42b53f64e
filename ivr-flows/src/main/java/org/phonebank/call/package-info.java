// SPDX-License-Identifier: AGPL-3.0-or-later
/** The call and the caller's phone line as flows see them, free of any telephony transport. */
package org.phonebank.call;
