// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.call;

/**
 * The caller's answer to a read-back: 1 confirms, 2 (or star) cancels, or no usable answer at all.
 */
public enum Confirmation {
  CONFIRMED,
  CANCELLED,
  UNANSWERED
}
