// SPDX-License-Identifier: AGPL-3.0-or-later
/** The balance inquiry: asking the issuer through the journal and telling the caller the answer. */
package org.phonebank.balance;
