// SPDX-License-Identifier: AGPL-3.0-or-later
/** Blocking the caller's card at the issuer (lost, stolen, kept by a cash machine). */
package org.phonebank.cardblock;
