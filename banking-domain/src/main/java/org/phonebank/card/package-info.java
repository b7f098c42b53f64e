// SPDX-License-Identifier: AGPL-3.0-or-later
/** Cards and PINs: values that validate themselves and never print in clear. */
package org.phonebank.card;
