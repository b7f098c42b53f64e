// SPDX-License-Identifier: AGPL-3.0-or-later
/** Paying an Iranian utility or government bill by its bill and payment identifiers. */
package org.phonebank.billpay;
