// SPDX-License-Identifier: AGPL-3.0-or-later
/** The mini-statement: the last five postings on the account behind the card, read out. */
package org.phonebank.statement;
