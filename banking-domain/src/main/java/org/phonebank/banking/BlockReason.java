// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/** Why a caller blocks the card; the issuer keeps it on the hot-card record. */
public enum BlockReason {
  LOST,
  STOLEN,
  CAPTURED
}
