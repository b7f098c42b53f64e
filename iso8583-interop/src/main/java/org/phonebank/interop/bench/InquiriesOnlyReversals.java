// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.interop.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.phonebank.banking.ReversalStage;
import org.phonebank.banking.Reversals;
import org.phonebank.banking.SwitchRequest;

/** The benchmark sends balance inquiries only, which move no money and so never arm a reversal. */
final class InquiriesOnlyReversals implements Reversals {

  @Override
  public void arm(long journalEntryId, SwitchRequest request) {
    throw new IllegalStateException("The benchmark moves no money; nothing should arm a reversal.");
  }

  @Override
  public void disarm(long journalEntryId) {
    throw new IllegalStateException(
        "The benchmark moves no money; nothing should disarm a reversal.");
  }

  @Override
  public void fire(long journalEntryId) {
    throw new IllegalStateException(
        "The benchmark moves no money; nothing should fire a reversal.");
  }

  @Override
  public Set<Long> armed() {
    return Set.of();
  }

  @Override
  public Map<Long, ReversalStage> stages(Collection<Long> journalEntryIds) {
    return Map.of();
  }
}
