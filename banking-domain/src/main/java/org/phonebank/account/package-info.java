// SPDX-License-Identifier: AGPL-3.0-or-later
/** Deposit accounts: account numbers and Sheba (Iranian IBAN). */
package org.phonebank.account;
