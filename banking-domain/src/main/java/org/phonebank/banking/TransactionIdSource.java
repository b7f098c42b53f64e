// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/**
 * Hands out fresh STAN/RRN pairs; implementations persist the counter so a restart never reuses
 * one.
 */
public interface TransactionIdSource {

  TransactionIds next();
}
