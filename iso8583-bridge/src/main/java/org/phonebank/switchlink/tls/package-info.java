// SPDX-License-Identifier: AGPL-3.0-or-later
/** Mutual TLS 1.3 for the switch link on Bouncy Castle's JSSE, as jPOS socket factories. */
package org.phonebank.switchlink.tls;
