// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.banking;

/**
 * Told when the switch acknowledged (0430) a reversal, so the journal can record the money as
 * returned.
 */
@FunctionalInterface
public interface ReversalAcknowledgement {

  void acknowledged(long journalEntryId);
}
